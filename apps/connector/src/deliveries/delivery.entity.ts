import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { DossierSubmittedV1 } from '@lienthong/contracts';

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';
export const DELIVERY_STATUSES: readonly DeliveryStatus[] = ['pending', 'delivered', 'failed'];

/** One backbone event on its way to one legacy system, with its retry state. */
@Entity({ name: 'deliveries' })
export class Delivery {
  @PrimaryColumn('uuid')
  id: string;

  /** The event delivered: the same event never makes a second delivery. */
  @Column({ name: 'source_event_id' })
  sourceEventId: string;

  @Column({ name: 'system_code' })
  systemCode: string;

  /** The business key, the dossier code. */
  @Column()
  subject: string;

  @Column('jsonb')
  payload: DossierSubmittedV1;

  @Column({ type: 'varchar' })
  status: DeliveryStatus;

  @Column('integer')
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt: Date;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
