import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A dossier delivered to a system, with what the system last answered of its status: the connector's "last seen". */
@Entity({ name: 'status_watches' })
export class StatusWatch {
  @PrimaryColumn({ name: 'system_code' })
  systemCode: string;

  @PrimaryColumn({ name: 'dossier_code' })
  dossierCode: string;

  /** As statusText writes it; at first the status the dossier was delivered with. */
  @Column({ name: 'seen_status' })
  seenStatus: string;

  /** When the system's record said the seen status was reached; null when it did not say. */
  @Column({ name: 'seen_occurred_at', type: 'timestamptz', nullable: true })
  seenOccurredAt: Date | null;

  @Column({ name: 'next_poll_at', type: 'timestamptz' })
  nextPollAt: Date;

  @Column({ name: 'polled_at', type: 'timestamptz', nullable: true })
  polledAt: Date | null;

  /** Why the last look-up got no status; null when it got one. */
  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;
}
