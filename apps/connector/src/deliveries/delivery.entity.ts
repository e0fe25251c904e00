import { Column, CreateDateColumn, Entity, UpdateDateColumn } from 'typeorm';
import type { DossierSubmittedV1 } from '@lienthong/contracts';
import { RetriedWork } from '@lienthong/platform-database';

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';
export const DELIVERY_STATUSES: readonly DeliveryStatus[] = ['pending', 'delivered', 'failed'];

/** One backbone event on its way to one legacy system, with its retry state. */
@Entity({ name: 'deliveries' })
export class Delivery extends RetriedWork<DeliveryStatus> {
  @Column({ name: 'system_code' })
  systemCode: string;

  /** The business key, the dossier code. */
  @Column()
  subject: string;

  @Column('jsonb')
  payload: DossierSubmittedV1;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
