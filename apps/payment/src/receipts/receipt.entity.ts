import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The provider's receipt (GET_BILL) of a paid attempt: due from the moment it succeeded, kept once fetched. */
@Entity({ name: 'receipts' })
export class ReceiptRow {
  @PrimaryColumn({ name: 'attempt_id', type: 'uuid' })
  attemptId: string;

  @Column({ type: 'bytea', nullable: true })
  content: Buffer | null;

  @Column({ name: 'content_type', type: 'varchar', nullable: true })
  contentType: string | null;

  /** SHA-256 of the content, lowercase hex: what the receipt was when it was fetched. */
  @Column({ type: 'char', length: 64, nullable: true })
  sha256: string | null;

  /** Fetches tried so far. */
  @Column('integer')
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt: Date;

  @Column({ name: 'fetched_at', type: 'timestamptz', nullable: true })
  fetchedAt: Date | null;
}
