import { defineEvent, integer, object, string, dateTime } from '../contract';

/** A day of one provider reconciled: its statement compared with the ledger. */
export interface PaymentReconciledV1 {
  reconciliationId: string;
  /** The provider's system in the registry. */
  provider: string;
  /** The day reconciled, in Vietnamese time: YYYY-MM-DD. */
  businessDate: string;
  ledgerCount: number;
  statementCount: number;
  matched: number;
  missing: number;
  extra: number;
  amountDiffers: number;
  reconciledAt: string;
}

/**
 * One payment the ledger and the provider's statement disagree on: missing (paid in the ledger, not on the statement),
 * extra (on the statement, not paid in the ledger) or amount-differs.
 */
export interface PaymentMismatchFoundV1 {
  reconciliationId: string;
  provider: string;
  businessDate: string;
  kind: 'missing' | 'extra' | 'amount-differs';
  reference: string;
  providerTransaction: string | null;
  /** integer đồng; null when the ledger has no such payment */
  ledgerAmount: number | null;
  /** integer đồng; null when the statement has no such payment */
  statementAmount: number | null;
}

const common = { reconciliationId: string({ format: 'uuid' }), provider: string(), businessDate: string({ format: 'date' }) };
const count = integer({ minimum: 0 });
const nullable = (schema: Record<string, unknown>) => ({ anyOf: [schema, { type: 'null' }] });
const example = { reconciliationId: '7d2f0c4e-5a1b-4c3d-9e8f-1a2b3c4d5e6f', provider: 'VN/COM/0100112437/VCB', businessDate: '2026-11-23' };

export const paymentReconciledV1 = defineEvent<PaymentReconciledV1>({
  topic: 'payment.reconciled.v1',
  type: 'vn.lienthong.payment.reconciled.v1',
  partitions: 3,
  schema: object({ ...common, ledgerCount: count, statementCount: count, matched: count, missing: count, extra: count, amountDiffers: count, reconciledAt: dateTime }),
  example: { ...example, ledgerCount: 1204, statementCount: 1205, matched: 1202, missing: 1, extra: 2, amountDiffers: 1, reconciledAt: '2026-11-24T18:05:00.000Z' },
});

export const paymentMismatchFoundV1 = defineEvent<PaymentMismatchFoundV1>({
  topic: 'payment.mismatch-found.v1',
  type: 'vn.lienthong.payment.mismatch-found.v1',
  partitions: 3,
  schema: object({
    ...common,
    kind: { enum: ['missing', 'extra', 'amount-differs'] },
    reference: string({ maxLength: 100 }),
    providerTransaction: nullable({ type: 'string', maxLength: 100 }),
    ledgerAmount: nullable(count),
    statementAmount: nullable(count),
  }),
  example: { ...example, kind: 'amount-differs', reference: 'dvc0000006H5626112300012026112315000001', providerTransaction: 'GD123456', ledgerAmount: 150000, statementAmount: 15000 },
});
