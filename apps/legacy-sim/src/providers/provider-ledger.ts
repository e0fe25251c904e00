import { formatLegacyDate } from '@lienthong/domain-dossier';
import type { PaymentProvider } from '@lienthong/domain-payment';

export type TransactionState = 'awaiting' | 'paid' | 'cancelled';

/** One callback a provider sent, and what it heard back. */
export interface SentCallback {
  MaLoi: string;
  forged: boolean;
  httpStatus?: number;
  answer?: string;
  sentAt: string;
}

/** A request to pay as the provider keeps it. */
export interface ProviderTransaction {
  provider: PaymentProvider;
  reference: string;
  partner: string;
  /** integer đồng */
  amount: number;
  currency: string;
  info: string;
  returnUrl?: string;
  state: TransactionState;
  /** MaGiaoDich, once the applicant acted on the page. */
  transactionId?: string;
  settledAt?: Date;
  createdAt: Date;
  callbacks: SentCallback[];
}

/** What the simulated providers hold: every request to pay they accepted, by reference. */
export class ProviderLedger {
  private readonly transactions = new Map<string, ProviderTransaction>();
  private sequence = 0;

  /** Keeps a request to pay; a reference sent again keeps its first transaction, as a provider would. */
  open(transaction: Omit<ProviderTransaction, 'state' | 'callbacks' | 'createdAt'>): ProviderTransaction {
    const known = this.transactions.get(transaction.reference);
    if (known) return known;
    const opened: ProviderTransaction = { ...transaction, state: 'awaiting', createdAt: new Date(), callbacks: [] };
    this.transactions.set(transaction.reference, opened);
    return opened;
  }

  find(reference: string): ProviderTransaction | undefined {
    return this.transactions.get(reference);
  }

  /** The applicant paid or gave up on the page: the transaction gets its id. */
  settle(transaction: ProviderTransaction, state: 'paid' | 'cancelled'): void {
    this.sequence += 1;
    Object.assign(transaction, { state, transactionId: `GD${Date.now().toString(36).toUpperCase()}${this.sequence}`, settledAt: new Date() });
  }

  /** The provider's transactions paid on a Vietnamese day (yyyyMMdd). */
  paidOn(providerCode: string, day: string): ProviderTransaction[] {
    return this.of(providerCode).filter((t) => t.state === 'paid' && t.settledAt && formatLegacyDate(t.settledAt).startsWith(day));
  }

  of(providerCode: string): ProviderTransaction[] {
    return [...this.transactions.values()].filter((t) => t.provider.code === providerCode);
  }
}
