import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { problemsOf } from '@lienthong/platform-http';
import { NotificationDeliveryService } from './notification-delivery.service';
import { NotificationStatus } from './notification.entity';
import { NotificationRepository } from './notification.repository';
import { maskRecipient } from './recipient.mask';
import { SmsReceiptDto } from './sms-receipt.dto';

enum ReceiptProblem {
  UnknownMessage = 'unknown-message',
}
class ReceiptException extends problemsOf<ReceiptProblem>({ [ReceiptProblem.UnknownMessage]: [HttpStatus.NOT_FOUND, 'No SMS has this message id'] }) {}

/**
 * Delivery receipts of the SMS gateway: delivered; a temporary failure sends the SMS again after the backoff (until the
 * attempts allowed are used up); a permanent failure gives up. A receipt for a message no longer waiting for one (told
 * twice, or late) changes nothing.
 */
@Injectable()
export class SmsReceiptService {
  private readonly logger = new Logger('SmsReceipts');

  constructor(private readonly dataSource: DataSource, private readonly notifications: NotificationRepository, private readonly delivery: NotificationDeliveryService) {}

  receive(receipt: SmsReceiptDto): Promise<{ messageId: string; status: NotificationStatus }> {
    return this.dataSource.transaction(async (manager) => {
      const n = await this.notifications.findForUpdate(manager, receipt.messageId);
      if (!n || n.channel !== 'SMS') throw new ReceiptException(ReceiptProblem.UnknownMessage, `no SMS ${receipt.messageId}`);
      if (n.status !== 'sent') return { messageId: n.id, status: n.status };
      const error = `the carrier reported ${receipt.status}${receipt.error ? `: ${receipt.error}` : ''}`;
      if (receipt.status === 'DELIVERED') Object.assign(n, { status: 'delivered', deliveredAt: receipt.reportedAt ? new Date(receipt.reportedAt) : new Date() });
      else {
        const retryAt = receipt.status === 'TEMPORARY_FAILURE' ? this.delivery.retryAt(n.attempts) : undefined;
        Object.assign(n, retryAt ? { status: 'pending', nextAttemptAt: retryAt, lastError: error } : { status: 'failed', lastError: error });
        this.logger.warn(`SMS ${n.id} to ${maskRecipient(n)}: ${error}; ${retryAt ? `sent again at ${retryAt.toISOString()}` : 'given up'}`);
      }
      await this.notifications.save(manager, n);
      return { messageId: n.id, status: n.status };
    });
  }
}
