import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { problemsOf } from '@lienthong/platform-http';
import { NotificationDeliveryService } from './notification-delivery.service';
import { Notification, NotificationStatus } from './notification.entity';
import { NotificationRepository } from './notification.repository';
import { maskRecipient } from './recipient.mask';
import { SmsReceiptDto } from './sms-receipt.dto';

enum ReceiptProblem {
  UnknownMessage = 'unknown-message',
}
class ReceiptException extends problemsOf<ReceiptProblem>({ [ReceiptProblem.UnknownMessage]: [HttpStatus.NOT_FOUND, 'No SMS has this message id'] }) {}

type ReceiptOutcome = { messageId: string; status: NotificationStatus } | { messageId: string; problem: ReceiptProblem };

/**
 * Delivery receipts of the SMS gateway: delivered; a temporary failure sends the SMS again after the backoff (until the
 * attempts allowed are used up); a permanent failure gives up. A receipt for a message no longer waiting for one (told
 * twice, or late) changes nothing.
 */
@Injectable()
export class SmsReceiptService {
  private readonly logger = new Logger('SmsReceipts');

  constructor(private readonly dataSource: DataSource, private readonly notifications: NotificationRepository, private readonly delivery: NotificationDeliveryService) {}

  async receive(receipt: SmsReceiptDto): Promise<{ messageId: string; status: NotificationStatus }> {
    const [outcome] = await this.receiveAll([receipt]);
    if ('problem' in outcome) throw new ReceiptException(outcome.problem, `no SMS ${receipt.messageId}`);
    return outcome;
  }

  /** Applies the receipts in the order given, in one transaction; each answers with its message's status, or a problem of its own. */
  receiveAll(receipts: SmsReceiptDto[]): Promise<ReceiptOutcome[]> {
    return this.dataSource.transaction(async (manager) => {
      const locked = await this.notifications.findAllForUpdate(manager, [...new Set(receipts.map((r) => r.messageId))]);
      const sms = new Map(locked.filter((n) => n.channel === 'SMS').map((n) => [n.id, n]));
      const changed = new Set<Notification>();
      const outcomes = receipts.map((receipt): ReceiptOutcome => {
        const n = sms.get(receipt.messageId);
        if (!n) return { messageId: receipt.messageId, problem: ReceiptProblem.UnknownMessage };
        if (n.status === 'sent') {
          this.apply(n, receipt);
          changed.add(n);
        }
        return { messageId: n.id, status: n.status };
      });
      await this.notifications.saveReceiptOutcomes(manager, [...changed]);
      return outcomes;
    });
  }

  private apply(n: Notification, receipt: SmsReceiptDto): void {
    if (receipt.status === 'DELIVERED') {
      Object.assign(n, { status: 'delivered', deliveredAt: receipt.reportedAt ? new Date(receipt.reportedAt) : new Date() });
      return;
    }
    const error = `the carrier reported ${receipt.status}${receipt.error ? `: ${receipt.error}` : ''}`;
    const retryAt = receipt.status === 'TEMPORARY_FAILURE' ? this.delivery.retryAt(n.attempts) : undefined;
    Object.assign(n, retryAt ? { status: 'pending', nextAttemptAt: retryAt, lastError: error } : { status: 'failed', lastError: error });
    this.logger.warn(`SMS ${n.id} to ${maskRecipient(n)}: ${error}; ${retryAt ? `sent again at ${retryAt.toISOString()}` : 'given up'}`);
  }
}
