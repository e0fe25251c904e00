import type { PaymentAttemptRow } from './payment-attempt.entity';

export const paymentAttemptView = (a: PaymentAttemptRow) => ({
  id: a.id,
  paymentId: a.requestId,
  number: a.number,
  reference: a.reference,
  provider: a.provider,
  amount: a.amount,
  currency: a.currency,
  status: a.status,
  paymentUrl: a.paymentUrl,
  providerTransaction: a.providerTransaction,
  errorCode: a.errorCode,
  refundedAmount: a.refundedAmount,
  secondPaymentOf: a.secondPaymentOf,
  createdAt: a.createdAt.toISOString(),
  expiresAt: a.expiresAt.toISOString(),
  settledAt: a.settledAt?.toISOString() ?? null,
});
