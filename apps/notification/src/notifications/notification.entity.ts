import { Column, Entity } from 'typeorm';
import { RetriedWork } from '@lienthong/platform-database';

export type NotificationChannel = 'EMAIL';
export type NotificationStatus = 'pending' | 'sent' | 'failed';
export const NOTIFICATION_STATUSES: readonly NotificationStatus[] = ['pending', 'sent', 'failed'];

/** One message to one applicant, rendered when its event arrives and sent by the sender worker. */
@Entity({ name: 'notifications' })
export class Notification extends RetriedWork<NotificationStatus> {
  /** With the source event, what makes a redelivered event a no-op. */
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

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt: Date;
}
