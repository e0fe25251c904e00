/**
 * One attempt to pay a fee (one reference, MaThamChieu, per attempt): created → pending (the applicant was redirected to
 * the provider) → succeeded | failed | expired, and a succeeded one refunded in part or in full. Amounts are integer
 * đồng.
 */
export type PaymentStatus = 'created' | 'pending' | 'succeeded' | 'failed' | 'expired' | 'partially-refunded' | 'refunded';

export interface PaymentAttempt {
  reference: string;
  /** MaDoiTac: the partner code the provider knows the portal by. */
  partner: string;
  amount: number;
  currency: 'VND';
  status: PaymentStatus;
  /** The provider's transaction id (MaGiaoDich), once a callback or a QUERY named one. */
  providerTransaction: string | null;
  refundedAmount: number;
}

/** What a provider's callback (or QUERY answer) says, once its signature has been checked by the caller. */
export interface ProviderReport {
  authentic: boolean;
  partner: string;
  reference: string;
  /** As received: an amount is compared only if it is an integer. */
  amount: number | string;
  currency: string;
  paid: boolean;
  providerTransaction: string;
}

/**
 * The verdict on a report. Only `paid`, `paid-after-expiry` and `failed` change the attempt; `duplicate` is the same
 * outcome told again (answered as success, changes nothing); every other verdict is refused with its reason and kept
 * for operators.
 */
export type ReportVerdict =
  | { kind: 'paid' | 'paid-after-expiry'; status: 'succeeded'; providerTransaction: string }
  | { kind: 'failed'; status: 'failed'; providerTransaction: string }
  | { kind: 'duplicate' }
  | { kind: 'refused'; reason: RefusalReason; detail: string };

export type RefusalReason = 'forged' | 'unknown-reference' | 'partner-mismatch' | 'amount-mismatch' | 'currency-mismatch' | 'conflicts-with-outcome';

const refused = (reason: RefusalReason, detail: string): ReportVerdict => ({ kind: 'refused', reason, detail });

/** Statuses an attempt still waits in for the provider's word. */
const AWAITING: ReadonlySet<PaymentStatus> = new Set(['created', 'pending']);

/**
 * Judges a provider's report on an attempt (undefined when no attempt has its reference). Checked in this order, so that
 * a forger learns nothing about references or amounts: the signature, the reference, the partner, the currency and the
 * amount. A report may come before the applicant is back from the provider (status created), twice, or after a later
 * one: only an authentic report that agrees in every field moves an attempt, and only from a status that awaits it.
 * A paid report for an expired attempt is money taken all the same: it succeeds, marked as after expiry.
 */
export function judgeReport(attempt: PaymentAttempt | undefined, report: ProviderReport): ReportVerdict {
  if (!report.authentic) return refused('forged', `the signature of the report on ${report.reference} is not the provider's`);
  if (!attempt || attempt.reference !== report.reference) return refused('unknown-reference', `no payment attempt has reference ${report.reference}`);
  if (report.partner !== attempt.partner) return refused('partner-mismatch', `${report.reference} belongs to partner ${attempt.partner}, not ${report.partner}`);
  if (report.currency !== attempt.currency) return refused('currency-mismatch', `${report.reference} is in ${attempt.currency}, the report says ${report.currency}`);
  if (!isAmount(report.amount) || Number(report.amount) !== attempt.amount) {
    return refused('amount-mismatch', `${report.reference} is for ${attempt.amount} đồng, the report says ${report.amount}`);
  }
  return judgeOutcome(attempt, report);
}

function judgeOutcome(attempt: PaymentAttempt, report: ProviderReport): ReportVerdict {
  const { providerTransaction } = report;
  if (AWAITING.has(attempt.status)) {
    return report.paid ? { kind: 'paid', status: 'succeeded', providerTransaction } : { kind: 'failed', status: 'failed', providerTransaction };
  }
  if (attempt.status === 'expired' && report.paid) return { kind: 'paid-after-expiry', status: 'succeeded', providerTransaction };
  // paid again by the same transaction, or not paid again: told before, nothing to change
  const sameOutcome = report.paid
    ? isPaidStatus(attempt.status) && (attempt.providerTransaction === null || attempt.providerTransaction === providerTransaction)
    : !isPaidStatus(attempt.status);
  if (sameOutcome) return { kind: 'duplicate' };
  const told = report.paid ? 'paid' : 'not paid';
  return refused('conflicts-with-outcome', `${attempt.reference} is ${attempt.status}; a report says ${told} (transaction ${providerTransaction})`);
}

const isPaidStatus = (status: PaymentStatus) => status === 'succeeded' || status === 'partially-refunded' || status === 'refunded';

/** Integer đồng, written as a number or in decimal digits; anything else is no amount. */
const isAmount = (value: number | string) => (typeof value === 'number' ? Number.isSafeInteger(value) && value >= 0 : /^\d{1,15}$/.test(value));

export class IllegalPaymentTransitionError extends Error {
  constructor(readonly from: PaymentStatus, readonly action: string, detail: string) {
    super(`${action} refused for a payment ${from}: ${detail}`);
  }
}

/** The applicant was sent to the provider's page: created → pending (a report may already have settled it). */
export function redirected(attempt: PaymentAttempt): PaymentStatus {
  return attempt.status === 'created' ? 'pending' : attempt.status;
}

/** An attempt that waited past its time: created or pending → expired. */
export function expire(attempt: PaymentAttempt): PaymentStatus {
  if (!AWAITING.has(attempt.status)) throw new IllegalPaymentTransitionError(attempt.status, 'expiry', 'only a payment awaiting its outcome expires');
  return 'expired';
}

/** A refund of `amount` đồng of a succeeded attempt: the status and the amount refunded so far afterwards. */
export function refund(attempt: PaymentAttempt, amount: number): { status: PaymentStatus; refundedAmount: number } {
  if (attempt.status !== 'succeeded' && attempt.status !== 'partially-refunded') {
    throw new IllegalPaymentTransitionError(attempt.status, 'refund', 'only money received is refunded');
  }
  const left = attempt.amount - attempt.refundedAmount;
  if (!Number.isSafeInteger(amount) || amount <= 0 || amount > left) {
    throw new IllegalPaymentTransitionError(attempt.status, 'refund', `${amount} đồng is not between 1 and the ${left} đồng not yet refunded`);
  }
  const refundedAmount = attempt.refundedAmount + amount;
  return { status: refundedAmount === attempt.amount ? 'refunded' : 'partially-refunded', refundedAmount };
}
