import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import { NotificationEnv } from '../config';

export interface OutgoingEmail {
  /** Becomes the Message-ID: a resend after a crash carries the same id, so a receiving MTA can drop it. */
  notificationId: string;
  to: string;
  subject: string;
  text: string;
}

/** Bounds on each SMTP step: the sender holds its row lock while it talks to the relay. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/** The one SMTP transport of the service (nodemailer), created at boot and closed at shutdown. */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly transport;

  constructor(config: NotificationEnv) {
    // pooled: a connection serves many messages instead of one handshake per e-mail
    this.transport = createTransport({ url: config.SMTP_URL, pool: true, maxConnections: config.NOTIFY_CONCURRENCY, ...TIMEOUTS }, { from: config.MAIL_FROM });
  }

  async send(email: OutgoingEmail): Promise<void> {
    await this.transport.sendMail({
      to: email.to,
      subject: email.subject,
      text: email.text,
      messageId: `<${email.notificationId}@lienthong.gov.vn>`,
    });
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
