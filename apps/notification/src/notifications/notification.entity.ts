import { Column, Entity } from 'typeorm';
import { RetriedWork } from '@lienthong/platform-database';

export const NOTIFICATION_CHANNELS = ['EMAIL', 'SMS'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];
/**
 * pending (due, or waiting to be retried); sent (the relay or the SMS gateway took it); delivered (the carrier said so);
 * failed (given up, or refused for good); skipped (never sent: the recipient opted out of it).
 */
export type NotificationStatus = 'pending' | 'sent' | 'delivered' | 'failed' | 'skipped';
export const NOTIFICATION_STATUSES: readonly NotificationStatus[] = ['pending', 'sent', 'delivered', 'failed', 'skipped'];

/** One recipient on one channel, as opt-outs and the per-recipient limit count them (also built so in SQL: channel || ':' || recipient). */
export const recipientKey = (channel: string, recipient: string): string => `${channel}:${recipient}`;

/** One message to one applicant, rendered when its event arrives and sent by the sender worker. */
@Entity({ name: 'notifications' })
export class Notification extends RetriedWork<NotificationStatus> {
  /** With the source event, what makes a redelivered event a no-op. */
  @Column({ type: 'varchar' })
  channel: NotificationChannel;

  /** Template key, e.g. dossier.status-changed.6 */
  @Column()
  template: string;

  /** The version of the template it was made with (1: the one in the code). */
  @Column({ name: 'template_version', type: 'integer' })
  templateVersion: number;

  /** An e-mail address, or a mobile number for SMS. */
  @Column()
  recipient: string;

  /** The carrier an SMS is routed through, by its number's prefix; null for e-mail. */
  @Column({ type: 'varchar', nullable: true })
  carrier: string | null;

  /** An e-mail's subject; for SMS, the id of the brand-name template it was registered under. */
  @Column('text')
  subject: string;

  @Column('text')
  body: string;

  @Column({ name: 'dossier_code' })
  dossierCode: string;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  /** When the carrier reported the SMS delivered. */
  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt: Date;

  /** The order it was made in, among all messages (an identity: the rows of one batch share their created_at). */
  @Column({ type: 'bigint', insert: false, update: false })
  position: string;
}
