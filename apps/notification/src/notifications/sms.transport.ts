import { Injectable } from '@nestjs/common';
import type { Carrier, SmsGatewayMessage } from '@lienthong/domain-notification';
import { postText } from '@lienthong/platform-http';
import { NotificationEnv } from '../config';

export interface OutgoingSms {
  /** The gateway's client reference: its receipts name the message by it, and a resend after a crash carries it again. */
  notificationId: string;
  to: string;
  text: string;
  carrier: Carrier;
  /** The brand-name template the text was registered under. */
  templateId: string;
}

/** The SMS gateway refused the message for good (a number it cannot serve, a template it does not know): no retry helps. */
export class SmsRefusedError extends Error {}

const TIMEOUT_MS = 10_000;

/** Sends brand-name SMS through the HTTP SMS gateway, routed to the number's carrier. */
@Injectable()
export class SmsTransport {
  constructor(private readonly config: NotificationEnv) {}

  async send(sms: OutgoingSms): Promise<void> {
    const { status, ok, text } = await postText(`${this.config.SMS_GATEWAY_URL}/send`, {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messageId: sms.notificationId, to: sms.to, text: sms.text, carrier: sms.carrier, templateId: sms.templateId, brandName: this.config.SMS_BRAND_NAME } satisfies SmsGatewayMessage),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const answer = text.slice(0, 300);
    if (ok) return;
    if (status >= 400 && status < 500 && status !== 429) throw new SmsRefusedError(`the SMS gateway refused the message: HTTP ${status} ${answer}`);
    throw new Error(`the SMS gateway answered HTTP ${status} ${answer}`);
  }
}
