import { defineEvent, integer, object, string, dateTime } from '../contract';

/** What every outcome of a payment attempt says: which fee, which attempt, through whom. */
interface PaymentAttemptOutcome {
  /** The fee asked of the dossier (payment.requested.v1's paymentId). */
  paymentId: string;
  attemptId: string;
  dossierCode: string;
  /** MaThamChieu: the attempt's reference, unique per attempt. */
  reference: string;
  /** The provider's system in the registry. */
  provider: string;
  /** integer đồng */
  amount: number;
  currency: 'VND';
  /** MaGiaoDich: the provider's transaction id (empty when a provider names none for a failure). */
  providerTransaction: string;
  /**
   * When the backbone learned the outcome: always after the fee was asked, where the provider's own time (to the second,
   * on its clock) may not be.
   */
  recordedAt: string;
}

export interface PaymentSucceededV1 extends PaymentAttemptOutcome {
  /** When the provider took the money, as it says. */
  paidAt: string;
  /** The money came after the attempt had expired: taken all the same, so paid. */
  afterExpiry: boolean;
  /**
   * Set when another attempt had already paid the fee (two attempts started before either was paid): this money was
   * taken a second time and is owed back to the applicant. The dossier moved on with the first; nothing moves it again.
   */
  secondPaymentOf?: string;
}

export interface PaymentFailedV1 extends PaymentAttemptOutcome {
  /** MaLoi: the provider's code for why it was not paid. */
  errorCode: string;
  failedAt: string;
}

const common = {
  paymentId: string({ format: 'uuid' }),
  attemptId: string({ format: 'uuid' }),
  dossierCode: string(),
  reference: string({ maxLength: 100 }),
  provider: string(),
  amount: integer({ minimum: 0 }),
  currency: { const: 'VND' },
  providerTransaction: { type: 'string', maxLength: 100 },
  recordedAt: dateTime,
};

const example = {
  paymentId: '9a7c3f2e-1b4d-4e8a-9c6f-5d2e1a0b3c4d',
  attemptId: '3c1e9d4a-6b2f-4f7e-8a1d-0e5b7c9d2f31',
  dossierCode: '000.00.06.H56-261123-0001',
  reference: 'dvc0000006H5626112300012026112315000001',
  provider: 'VN/COM/0100112437/VCB',
  amount: 150000,
  currency: 'VND' as const,
  providerTransaction: 'GD123456',
  recordedAt: '2026-11-23T08:05:12.431Z',
};

export const paymentSucceededV1 = defineEvent<PaymentSucceededV1>({
  topic: 'payment.succeeded.v1',
  type: 'vn.lienthong.payment.succeeded.v1',
  partitions: 3,
  schema: object({ ...common, paidAt: dateTime, afterExpiry: { type: 'boolean' }, secondPaymentOf: string({ format: 'uuid' }) }, [...Object.keys(common), 'paidAt', 'afterExpiry']),
  example: { ...example, paidAt: '2026-11-23T08:05:12.000Z', afterExpiry: false },
});

export const paymentFailedV1 = defineEvent<PaymentFailedV1>({
  topic: 'payment.failed.v1',
  type: 'vn.lienthong.payment.failed.v1',
  partitions: 3,
  schema: object({ ...common, errorCode: string({ maxLength: 20 }), failedAt: dateTime }),
  example: { ...example, errorCode: '24', failedAt: '2026-11-23T08:05:12.000Z' },
});

/** Money of a paid attempt given back, in part or in full. */
export interface PaymentRefundedV1 extends Omit<PaymentAttemptOutcome, 'recordedAt'> {
  refundId: string;
  /** integer đồng given back by this refund */
  refundedAmount: number;
  /** integer đồng given back so far, this refund included */
  totalRefunded: number;
  /** partially-refunded or refunded */
  status: 'partially-refunded' | 'refunded';
  reason: string;
  refundedAt: string;
}

export const paymentRefundedV1 = defineEvent<PaymentRefundedV1>({
  topic: 'payment.refunded.v1',
  type: 'vn.lienthong.payment.refunded.v1',
  partitions: 3,
  schema: object({
    ...Object.fromEntries(Object.entries(common).filter(([k]) => k !== 'recordedAt')),
    refundId: string({ format: 'uuid' }),
    refundedAmount: integer({ minimum: 1 }),
    totalRefunded: integer({ minimum: 1 }),
    status: { enum: ['partially-refunded', 'refunded'] },
    reason: string({ maxLength: 2000 }),
    refundedAt: dateTime,
  }),
  example: {
    ...Object.fromEntries(Object.entries(example).filter(([k]) => k !== 'recordedAt')),
    refundId: '5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c',
    refundedAmount: 50000,
    totalRefunded: 50000,
    status: 'partially-refunded',
    reason: 'Thu thừa lệ phí',
    refundedAt: '2026-11-24T02:00:00.000Z',
  } as PaymentRefundedV1,
});
