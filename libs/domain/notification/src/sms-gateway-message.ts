import type { Carrier } from './carrier';

/** A brand-name SMS as the backbone hands it to the HTTP SMS gateway (POST <gateway>/send). */
export interface SmsGatewayMessage {
  /** The sender's reference: the gateway's delivery receipts name the message by it. */
  messageId: string;
  to: string;
  /** Plain ASCII. */
  text: string;
  carrier: Carrier;
  /** The brand-name template the text was registered under with the carriers. */
  templateId: string;
  brandName: string;
}
