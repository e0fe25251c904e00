import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PaymentStatus } from '@lienthong/domain-payment';

/** One attempt to pay a requested fee through one provider, under its own reference (MaThamChieu). */
@Entity({ name: 'payment_attempts' })
export class PaymentAttemptRow {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId: string;

  @Column({ name: 'dossier_code' })
  dossierCode: string;

  /** Its place among the request's attempts, from 1. */
  @Column('integer')
  number: number;

  @Column()
  reference: string;

  /** The provider's system in the registry. */
  @Column()
  provider: string;

  /** MaDoiTac: the partner code the provider knows the portal by. */
  @Column()
  partner: string;

  /** integer đồng */
  @Column('integer')
  amount: number;

  @Column({ type: 'char', length: 3 })
  currency: 'VND';

  @Column({ type: 'varchar' })
  status: PaymentStatus;

  @Column({ name: 'provider_transaction', type: 'varchar', nullable: true })
  providerTransaction: string | null;

  /** MaLoi of a refusal or a failure. */
  @Column({ name: 'error_code', type: 'varchar', nullable: true })
  errorCode: string | null;

  @Column({ name: 'refunded_amount', type: 'integer' })
  refundedAmount: number;

  /** Where the applicant pays, as the provider answered INIT. */
  @Column({ name: 'payment_url', type: 'text', nullable: true })
  paymentUrl: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'settled_at', type: 'timestamptz', nullable: true })
  settledAt: Date | null;

  /**
   * The attempt that had already paid the fee when this one was paid too (two attempts started before either was
   * paid): what this one took is owed back to the applicant, and the dossier moved on with the first.
   */
  @Column({ name: 'second_payment_of', type: 'uuid', nullable: true })
  secondPaymentOf: string | null;

  /** When the provider was last asked how it stands (QUERY). */
  @Column({ name: 'queried_at', type: 'timestamptz', nullable: true })
  queriedAt: Date | null;
}
