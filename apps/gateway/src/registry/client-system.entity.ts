import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A connected system (X-Road style id), allowed in only while active. */
@Entity({ name: 'client_systems' })
export class ClientSystem {
  @PrimaryColumn()
  id: string;

  @Column('text')
  name: string;

  @Column({ type: 'varchar' })
  status: 'active' | 'suspended';

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
