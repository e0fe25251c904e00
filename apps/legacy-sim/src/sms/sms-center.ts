import { Injectable } from '@nestjs/common';
import { carrierOf, SmsGatewayMessage } from '@lienthong/domain-notification';
import { SMS_GATEWAY_SYSTEM } from '@lienthong/domain-registry';
import { BackgroundRuns } from '../background-runs';
import { LegacySimEnv } from '../config';
import { GatewayCallResult } from '../gateway-call';
import { SendSmsDto } from './send-sms.dto';

/**
 * How the simulated carriers treat what they are handed: deliver it; fail it once for now (the next send is delivered);
 * fail it for good; or be down (the gateway answers 503 and takes nothing).
 */
export const SMS_FAULTS = ['none', 'temporary', 'permanent', 'down'] as const;
export type SmsFault = (typeof SMS_FAULTS)[number];

export type ReceiptStatus = 'DELIVERED' | 'TEMPORARY_FAILURE' | 'PERMANENT_FAILURE';

export interface ReceivedSms extends SmsGatewayMessage {
  /** How often it was handed over: a resend after a temporary failure is the same message again. */
  sends: number;
  /** Each time its receipt was sent: the HTTP status of the batch it went in, and what the backbone made of it (its status, or a problem). */
  receipts: { status: ReceiptStatus; httpStatus?: number; outcome?: string; sentAt: string }[];
}

interface Receipt {
  messageId: string;
  status: ReceiptStatus;
  reportedAt: string;
  error?: string;
}

/** A receipt waiting to be sent, beside the message whose log notes each time it was. */
type DueReceipt = { message: ReceivedSms; receipt: Receipt };

export class MisroutedSmsError extends Error {}

const RECEIPT_PATH = '/v1/notifications/sms-receipt-batches';
const RECEIPT_ATTEMPTS = 8;
/** Receipts sent in one call at most; those due while a call is out go in the next. */
const RECEIPT_BATCH_SIZE = 100;

/** What the backbone made of each receipt of a batch it took, in their order. */
function outcomesOf(result: GatewayCallResult): string[] {
  if (!result.answered || result.httpStatus !== 200) return [];
  const { items } = JSON.parse(result.text) as { items: { status?: string; problem?: string }[] };
  return items.map((item) => item.status ?? item.problem ?? '');
}

/**
 * The brand-name SMS gateway and the carriers behind it: takes messages routed to a number's carrier, and reports each
 * one's delivery back through the gateway with the SMS gateway's own credentials, after STATUS_PUSH_DELAY_MS. Receipts
 * due together go in one call, as a real SMS gateway reports them: one call at a time, the next taking what came due meanwhile.
 */
@Injectable()
export class SmsCenter extends BackgroundRuns {
  private readonly messages = new Map<string, ReceivedSms>();
  private fault: SmsFault = 'none';
  private readonly due: DueReceipt[] = [];
  private reporting = false;

  constructor(private readonly config: LegacySimEnv) {
    super();
  }

  setFault(fault: SmsFault): void {
    this.fault = fault;
  }

  get currentFault(): SmsFault {
    return this.fault;
  }

  /** False when the carriers are down; a message for another carrier than its number's is refused. */
  take(sms: SendSmsDto): boolean {
    if (this.fault === 'down') return false;
    if (carrierOf(sms.to) !== sms.carrier) throw new MisroutedSmsError(`${sms.to} is a ${carrierOf(sms.to)} number, not ${sms.carrier}`);
    const known = this.messages.get(sms.messageId);
    const message: ReceivedSms = known ?? { ...sms, carrier: sms.carrier as SmsGatewayMessage['carrier'], sends: 0, receipts: [] };
    message.sends += 1;
    this.messages.set(sms.messageId, message);
    const status: ReceiptStatus = this.fault === 'permanent' ? 'PERMANENT_FAILURE' : this.fault === 'temporary' && message.sends === 1 ? 'TEMPORARY_FAILURE' : 'DELIVERED';
    this.runInBackground(() => this.report(message, status));
    return true;
  }

  to(phone: string): ReceivedSms[] {
    return [...this.messages.values()].filter((m) => m.to === phone);
  }

  private async report(message: ReceivedSms, status: ReceiptStatus): Promise<void> {
    if (!(await this.pause(this.config.STATUS_PUSH_DELAY_MS))) return;
    this.due.push({ message, receipt: { messageId: message.messageId, status, reportedAt: new Date().toISOString(), ...(status === 'DELIVERED' ? {} : { error: 'the handset could not be reached' }) } });
    if (this.reporting) return;
    this.reporting = true;
    try {
      while (this.due.length > 0 && !this.signal.aborted) await this.reportBatch(this.due.splice(0, RECEIPT_BATCH_SIZE));
    } finally {
      this.reporting = false;
    }
  }

  private async reportBatch(batch: DueReceipt[]): Promise<void> {
    const note = (result: GatewayCallResult) => {
      const outcomes = outcomesOf(result);
      const sentAt = new Date().toISOString();
      batch.forEach(({ message, receipt }, k) => message.receipts.push({ status: receipt.status, ...(result.answered ? { httpStatus: result.httpStatus } : {}), ...(outcomes[k] ? { outcome: outcomes[k] } : {}), sentAt }));
    };
    await this.postUntilTaken(this.config, SMS_GATEWAY_SYSTEM, RECEIPT_PATH, { receipts: batch.map((due) => due.receipt) }, RECEIPT_ATTEMPTS, note);
  }
}
