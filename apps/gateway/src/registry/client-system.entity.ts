import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { SystemKind } from '@lienthong/domain-registry';

export type SystemStatus = 'active' | 'suspended';

/** A connected system (X-Road style id, its parts kept as columns), allowed in only while active. */
@Entity({ name: 'client_systems' })
export class ClientSystem {
  @PrimaryColumn()
  id: string;

  @Column('text')
  name: string;

  @Column({ type: 'varchar' })
  status: SystemStatus;

  @Column({ type: 'varchar' })
  kind: SystemKind;

  /** The level-1 agency of a government system; null for a commercial member. */
  @Column({ name: 'agency_code', type: 'varchar', nullable: true })
  agencyCode: string | null;

  @Column()
  instance: string;

  @Column({ name: 'member_class' })
  memberClass: string;

  @Column({ name: 'member_code' })
  memberCode: string;

  @Column()
  subsystem: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
