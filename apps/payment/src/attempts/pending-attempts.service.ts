import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { formatLegacyDate } from '@lienthong/domain-dossier';
import { expire } from '@lienthong/domain-payment';
import { PaymentEnv } from '../config';
import { PaymentProviders } from '../providers/payment-providers';
import { ProviderClient, ProviderUnreachableError } from '../providers/provider.client';
import { lifecycleOf, MESSAGE_VERSION } from './attempt-messages';
import { PaymentAttemptRow } from './payment-attempt.entity';
import { PaymentAttemptRepository } from './payment-attempt.repository';
import { ProviderReportService } from './provider-report.service';
import { readQueryAnswer } from './query-answer';

/** Attempts looked up in one round. */
const QUERY_BATCH = 20;

/**
 * Attempts whose provider has not said how they ended (a callback lost, the applicant gone) are looked up with QUERY
 * (DOMAIN.md: pending payments are reconciled by QUERY on a schedule): a settled answer is judged exactly as a callback
 * would be; a provider that still waits, or knows no such transaction, leaves the attempt waiting until it expires.
 * A provider that does not answer expires nothing: money it took must still be able to arrive.
 */
@Injectable()
export class PendingAttemptsService {
  private readonly logger = new Logger('PendingAttempts');

  constructor(
    private readonly dataSource: DataSource,
    private readonly attempts: PaymentAttemptRepository,
    private readonly providers: PaymentProviders,
    private readonly client: ProviderClient,
    private readonly reports: ProviderReportService,
    private readonly config: PaymentEnv,
  ) {}

  /** One round: the number of attempts looked up. */
  async queryDue(): Promise<number> {
    const now = Date.now();
    const due = await this.attempts.claimForQuery(new Date(now - this.config.PAYMENT_QUERY_AFTER_MS), new Date(now - this.config.PAYMENT_QUERY_EVERY_MS), QUERY_BATCH);
    for (const attempt of due) await this.query(attempt);
    return due.length;
  }

  private async query(attempt: PaymentAttemptRow): Promise<void> {
    const provider = this.providers.ofSystem(attempt.provider);
    if (!provider) {
      this.logger.error(`${attempt.reference} was made with ${attempt.provider}, no longer a provider: it waits for an operator`);
      return;
    }
    const message = { LoaiBanTin: 'QUERY', PhienBan: MESSAGE_VERSION, MaDoiTac: attempt.partner, MaThamChieu: attempt.reference, ThoiGianGD: formatLegacyDate(new Date()) };
    let answer;
    try {
      answer = readQueryAnswer(await this.client.send(provider, 'QUERY', message));
    } catch (error) {
      if (!(error instanceof ProviderUnreachableError)) throw error;
      this.logger.warn(`QUERY of ${attempt.reference}: ${error.message}`);
      return;
    }
    if (answer.settled) {
      const verdict = await this.reports.judge(provider, answer.report, 'query');
      if (verdict.kind === 'refused') this.logger.warn(`QUERY answer on ${attempt.reference} refused (${verdict.reason}): ${verdict.detail}`);
    } else if (answer.state === 'unreadable') {
      this.logger.warn(`QUERY answer of ${provider.code} on ${attempt.reference} is unreadable: ${answer.problems}`);
    } else if (attempt.expiresAt.getTime() <= Date.now()) {
      await this.expire(attempt.id);
    }
  }

  /** Expires the attempt unless its outcome arrived meanwhile. */
  private async expire(id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.attempts.findForUpdate(manager, { id });
      if (!current || (current.status !== 'created' && current.status !== 'pending')) return;
      Object.assign(current, { status: expire(lifecycleOf(current)), settledAt: new Date() });
      await this.attempts.save(manager, current);
    });
  }
}
