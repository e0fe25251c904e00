import { Column, Entity, PrimaryColumn } from 'typeorm';

export type NotificationChannel = 'EMAIL';
export type NotificationStatus = 'pending' | 'sent' | 'failed';
export const NOTIFICATION_STATUSES: readonly NotificationStatus[] = ['pending', 'sent', 'failed'];

/** One message to one applicant, rendered when its event arrives and sent by the sender worker. */
@Entity({ name: 'notifications' })
export class Notification {
  @PrimaryColumn('uuid')
  id: string;

  /** The event that caused it: with the channel, what makes a redelivered event a no-op. */
  @Column({ name: 'source_event_id' })
  sourceEventId: string;

  @Column({ type: 'varchar' })
  channel: NotificationChannel;

  /** Template key, e.g. dossier.status-changed.6 */
  @Column()
  template: string;

  @Column()
  recipient: string;

  @Column('text')
  subject: string;

  @Column('text')
  body: string;

  @Column({ name: 'dossier_code' })
  dossierCode: string;

  @Column({ type: 'varchar' })
  status: NotificationStatus;

  @Column('integer')
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt: Date;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt: Date;
}
