import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ReconciliationStatus = 'running' | 'matched' | 'mismatched' | 'failed';

/** One day of one provider, reconciled: the ledger's paid attempts against the provider's statement. */
@Entity({ name: 'reconciliations' })
export class ReconciliationRow {
  @PrimaryColumn('uuid')
  id: string;

  /** The provider's system in the registry. */
  @Column()
  provider: string;

  /** YYYY-MM-DD, in Vietnamese time. */
  @Column({ name: 'business_date', type: 'date' })
  businessDate: string;

  @Column({ type: 'varchar' })
  status: ReconciliationStatus;

  @Column({ name: 'ledger_count', type: 'integer', nullable: true })
  ledgerCount: number | null;

  @Column({ name: 'statement_count', type: 'integer', nullable: true })
  statementCount: number | null;

  @Column({ type: 'integer', nullable: true })
  matched: number | null;

  @Column({ type: 'integer', nullable: true })
  missing: number | null;

  @Column({ type: 'integer', nullable: true })
  extra: number | null;

  @Column({ name: 'amount_differs', type: 'integer', nullable: true })
  amountDiffers: number | null;

  /** Why the day could not be reconciled (the statement not fetched or unreadable). */
  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
