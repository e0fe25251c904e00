import type { PaymentRequest } from './payment-request.entity';

export const paymentRequestView = (p: PaymentRequest) => ({
  id: p.id,
  dossierCode: p.dossierCode,
  procedureCode: p.procedureCode,
  amount: p.amount,
  currency: p.currency,
  feeLines: p.feeLines,
  status: p.status,
  requestedAt: p.requestedAt.toISOString(),
});
