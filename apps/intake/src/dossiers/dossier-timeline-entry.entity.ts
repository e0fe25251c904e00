import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * submitted; status-changed (a report moved the dossier on); status-late (a report kept that changed nothing: it
 * arrived after later ones, or repeated the status); sub-state (a reported word that is no status); step (a
 * processing step: its content as note, its handler as detail); overdue; and what other services did for it
 * (journey/): delivered and delivery-failed (to the system named as actor), notified (the template as note, the
 * channel as detail), payment-requested (the amount as note), payment-failed (the provider's error code as note; a
 * fee paid is a status report of the payment service, status-changed or status-late), paid-twice (a fee another
 * attempt had paid, paid again: the money is owed back; the reference as detail).
 */
export type TimelineKind =
  | 'submitted'
  | 'status-changed'
  | 'status-late'
  | 'sub-state'
  | 'step'
  | 'overdue'
  | 'delivered'
  | 'delivery-failed'
  | 'notified'
  | 'payment-requested'
  | 'payment-failed'
  | 'paid-twice';

/** One step of a dossier's history, in the order it was recorded. */
@Entity({ name: 'dossier_timeline' })
export class DossierTimelineEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'dossier_code' })
  dossierCode: string;

  @Column({ type: 'varchar' })
  kind: TimelineKind;

  @Column('smallint')
  status: number;

  @Column({ name: 'previous_status', type: 'smallint', nullable: true })
  previousStatus: number | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** The reported word of a sub-state; the handler of a step. */
  @Column({ type: 'varchar', nullable: true })
  detail: string | null;

  /** The system that caused the step (X-Road style identifier). */
  @Column()
  actor: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'recorded_at', type: 'timestamptz', insert: false, update: false })
  recordedAt: Date;
}
