import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { FeeLine } from './online-bill';

export type PaymentRequestStatus = 'requested' | 'paid';

/** A fee the competent agency asked a dossier's applicant to pay (status 6), before any provider is involved. */
@Entity({ name: 'payment_requests' })
export class PaymentRequest {
  @PrimaryColumn('uuid')
  id: string;

  /** The dossier.status-changed.v1 event that asked for it: one request per event, however often it is delivered. */
  @Column({ name: 'source_event_id' })
  sourceEventId: string;

  @Column({ name: 'dossier_code' })
  dossierCode: string;

  @Column({ name: 'procedure_code' })
  procedureCode: string;

  /** integer đồng */
  @Column('integer')
  amount: number;

  @Column({ name: 'fee_lines', type: 'jsonb' })
  feeLines: FeeLine[];

  @Column({ type: 'char', length: 3 })
  currency: 'VND';

  @Column({ type: 'varchar' })
  status: PaymentRequestStatus;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt: Date;
}
