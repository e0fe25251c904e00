import type { PaymentRequestedV1, ProcedureFeeV1 } from '@lienthong/contracts';
import { feeTotal } from '@lienthong/domain-procedure';

export type FeeLine = PaymentRequestedV1['feeLines'][number];

export interface Bill {
  /** integer đồng */
  amount: number;
  feeLines: FeeLine[];
}

/** The portal collects fees online, so a dossier is billed the procedure's ONLINE fee lines. */
const PAYMENT_METHOD = 'ONLINE';

export function onlineBill(fees: readonly ProcedureFeeV1[]): Bill {
  const online = fees.filter((f) => f.submissionMethod === PAYMENT_METHOD);
  return {
    amount: feeTotal({ fees: online }, PAYMENT_METHOD),
    feeLines: online.map((f) => ({ kind: f.kind, amount: f.amount, ...(f.description ? { description: f.description } : {}) })),
  };
}
