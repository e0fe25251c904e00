import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type TimelineKind = 'submitted' | 'status-changed';

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

  /** The system that caused the step (X-Road style identifier). */
  @Column()
  actor: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'recorded_at', type: 'timestamptz', insert: false, update: false })
  recordedAt: Date;
}
