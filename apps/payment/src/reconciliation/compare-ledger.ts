/** A payment as one side knows it: the attempt's reference, the provider's transaction, the amount in đồng. */
export interface SettledPayment {
  reference: string;
  providerTransaction: string | null;
  amount: number;
}

/**
 * missing: paid in the ledger, absent from the provider's statement (the portal counts money the provider does not);
 * extra: on the statement, not paid in the ledger (money taken the portal does not know of); amount-differs: both know
 * it, for different amounts.
 */
export type MismatchKind = 'missing' | 'extra' | 'amount-differs';

export interface Mismatch {
  kind: MismatchKind;
  reference: string;
  providerTransaction: string | null;
  ledgerAmount: number | null;
  statementAmount: number | null;
}

export interface Comparison {
  matched: number;
  mismatches: Mismatch[];
}

/** Compares a day's ledger of one provider with that provider's statement of the day, by reference. */
export function compareLedger(ledger: readonly SettledPayment[], statement: readonly SettledPayment[]): Comparison {
  const stated = new Map(statement.map((entry) => [entry.reference, entry]));
  const mismatches: Mismatch[] = [];
  let matched = 0;
  for (const entry of ledger) {
    const other = stated.get(entry.reference);
    stated.delete(entry.reference);
    if (!other) mismatches.push({ kind: 'missing', reference: entry.reference, providerTransaction: entry.providerTransaction, ledgerAmount: entry.amount, statementAmount: null });
    else if (other.amount !== entry.amount) {
      mismatches.push({ kind: 'amount-differs', reference: entry.reference, providerTransaction: other.providerTransaction ?? entry.providerTransaction, ledgerAmount: entry.amount, statementAmount: other.amount });
    } else matched += 1;
  }
  for (const other of stated.values()) mismatches.push({ kind: 'extra', reference: other.reference, providerTransaction: other.providerTransaction, ledgerAmount: null, statementAmount: other.amount });
  return { matched, mismatches };
}
