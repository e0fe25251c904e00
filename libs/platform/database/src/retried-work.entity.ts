import { Column, PrimaryColumn } from 'typeorm';

/**
 * Work caused by one event and carried out outside the database (an HTTP delivery, an e-mail) by a worker
 * with bounded, backed-off retries. Entities of such work extend this class for its columns.
 */
export abstract class RetriedWork<Status extends string> {
  @PrimaryColumn('uuid')
  id: string;

  /** The event that caused it: the same event never makes the work twice. */
  @Column({ name: 'source_event_id' })
  sourceEventId: string;

  @Column({ type: 'varchar' })
  status: Status;

  @Column('integer')
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt: Date;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;
}
