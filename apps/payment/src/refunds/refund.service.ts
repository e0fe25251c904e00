import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { paymentRefundedV1 } from '@lienthong/contracts';
import { IllegalPaymentTransitionError, refund } from '@lienthong/domain-payment';
import { Outbox } from '@lienthong/platform-kafka';
import { lifecycleOf } from '../attempts/attempt-messages';
import { PaymentAttemptRow } from '../attempts/payment-attempt.entity';
import { PaymentAttemptRepository } from '../attempts/payment-attempt.repository';
import { PaymentException, PaymentProblem } from '../payments/payment.exception';
import { RefundDto } from './refund.dto';

/**
 * Refunds of paid attempts, in part or in full, up to what was paid: recorded once the provider has given the money back
 * (message version 1.0.6 has no refund message: it is done at the provider), with who asked and why, and published as
 * payment.refunded.v1 in the same transaction.
 */
@Injectable()
export class RefundService {
  constructor(private readonly dataSource: DataSource, private readonly attempts: PaymentAttemptRepository, private readonly outbox: Outbox) {}

  async refund(attemptId: string, input: RefundDto, requestedBy: string): Promise<PaymentAttemptRow> {
    const attempt = await this.dataSource.transaction(async (manager) => {
      const found = await this.attempts.findForUpdate(manager, { id: attemptId });
      if (!found) throw new PaymentException(PaymentProblem.AttemptNotFound, `no payment attempt ${attemptId}`);
      let after;
      try {
        after = refund(lifecycleOf(found), input.amount);
      } catch (error) {
        if (error instanceof IllegalPaymentTransitionError) throw new PaymentException(PaymentProblem.RefundRefused, error.message, { paymentStatus: found.status, refundedAmount: found.refundedAmount });
        throw error;
      }
      Object.assign(found, after);
      await this.attempts.save(manager, found);
      const refundedAt = new Date();
      const refundId = randomUUID();
      await manager.query(`INSERT INTO refunds (id, attempt_id, amount, reason, requested_by, refunded_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
        refundId,
        found.id,
        input.amount,
        input.reason,
        requestedBy,
        refundedAt,
      ]);
      await this.outbox.add(manager, paymentRefundedV1, found.dossierCode, {
        paymentId: found.requestId,
        attemptId: found.id,
        dossierCode: found.dossierCode,
        reference: found.reference,
        provider: found.provider,
        amount: found.amount,
        currency: found.currency,
        providerTransaction: found.providerTransaction ?? '',
        refundId,
        refundedAmount: input.amount,
        totalRefunded: after.refundedAmount,
        status: after.status as 'partially-refunded' | 'refunded',
        reason: input.reason,
        refundedAt: refundedAt.toISOString(),
      });
      return found;
    });
    this.outbox.notifyCommitted();
    return attempt;
  }
}
