import type { ProviderTransaction } from './provider-ledger';

export const transactionView = (t: ProviderTransaction) => ({
  provider: t.provider.code,
  reference: t.reference,
  partner: t.partner,
  amount: t.amount,
  currency: t.currency,
  state: t.state,
  transactionId: t.transactionId ?? null,
  createdAt: t.createdAt.toISOString(),
  settledAt: t.settledAt?.toISOString() ?? null,
  callbacks: t.callbacks,
});
