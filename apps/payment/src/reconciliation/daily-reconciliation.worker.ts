import { Injectable } from '@nestjs/common';
import { formatLegacyDate } from '@lienthong/domain-dossier';
import { BackgroundWorker } from '@lienthong/platform-database';
import { PaymentEnv } from '../config';
import { PaymentException } from '../payments/payment.exception';
import { PaymentProviders } from '../providers/payment-providers';
import { ReconciliationRepository } from './reconciliation.repository';
import { ReconciliationService } from './reconciliation.service';

/** How often the worker checks whether a day is due. */
const CHECK_MS = 60000;
/** A day whose statement could not be had is tried again after this long. */
const RETRY_FAILED_MS = 15 * 60000;
const DAY_MS = 24 * 3600 * 1000;

/** The Vietnamese day of an instant, YYYY-MM-DD, and its hour. */
function vietnameseDay(at: Date): { day: string; hour: number } {
  const t = formatLegacyDate(at);
  return { day: `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}`, hour: Number(t.slice(8, 10)) };
}

/**
 * The daily job: once the hour has come, every provider's previous day is reconciled, once across all instances (the
 * run of a day is unique), and again later where its statement could not be had.
 */
@Injectable()
export class DailyReconciliationWorker extends BackgroundWorker {
  constructor(
    private readonly reconciliation: ReconciliationService,
    private readonly runs: ReconciliationRepository,
    private readonly providers: PaymentProviders,
    private readonly config: PaymentEnv,
  ) {
    super('daily-reconciliation', () => this.reconcileDue(), CHECK_MS);
  }

  override onApplicationBootstrap(): void {
    if (this.config.PAYMENT_RECONCILE_DAILY) super.onApplicationBootstrap();
  }

  /** The providers reconciled in this round; a provider's run in progress elsewhere is left to it. */
  private async reconcileDue(): Promise<number> {
    const now = new Date();
    if (vietnameseDay(now).hour < this.config.PAYMENT_RECONCILE_AFTER_HOUR) return 0;
    const { day } = vietnameseDay(new Date(now.getTime() - DAY_MS));
    const settled = await this.runs.settledOn(day, RETRY_FAILED_MS);
    let reconciled = 0;
    for (const provider of this.providers.all().filter((p) => !settled.has(p.systemId))) {
      try {
        await this.reconciliation.reconcile(provider, day);
        reconciled += 1;
      } catch (error) {
        if (!(error instanceof PaymentException)) throw error;
      }
    }
    return reconciled;
  }
}
