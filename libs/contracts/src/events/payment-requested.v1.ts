import { defineEvent, integer, object, string, dateTime } from '../contract';

export interface PaymentRequestedV1 {
  paymentId: string;
  dossierCode: string;
  procedureCode: string;
  /** integer đồng */
  amount: number;
  currency: 'VND';
  feeLines: { kind: string; amount: number; description?: string }[];
  requestedAt: string;
}

export const paymentRequestedV1 = defineEvent<PaymentRequestedV1>({
  topic: 'payment.requested.v1',
  type: 'vn.lienthong.payment.requested.v1',
  partitions: 3,
  schema: object({
    paymentId: string({ format: 'uuid' }),
    dossierCode: string(),
    procedureCode: string(),
    amount: integer({ minimum: 0 }),
    currency: { const: 'VND' },
    feeLines: {
      type: 'array',
      items: object({ kind: string(), amount: integer({ minimum: 0 }), description: { type: 'string' } }, ['kind', 'amount']),
    },
    requestedAt: dateTime,
  }),
  example: {
    paymentId: '9a7c3f2e-1b4d-4e8a-9c6f-5d2e1a0b3c4d',
    dossierCode: '000.00.06.H56-261123-0001',
    procedureCode: '1.000358',
    amount: 150000,
    currency: 'VND',
    feeLines: [{ kind: 'CHARGE', amount: 150000, description: 'Lệ phí' }],
    requestedAt: '2026-11-23T08:00:00.000Z',
  },
});
