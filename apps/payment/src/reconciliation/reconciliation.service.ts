import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { paymentMismatchFoundV1, paymentReconciledV1 } from '@lienthong/contracts';
import type { PaymentProvider } from '@lienthong/domain-payment';
import { Outbox } from '@lienthong/platform-kafka';
import { PaymentException, PaymentProblem } from '../payments/payment.exception';
import { PaymentProviders } from '../providers/payment-providers';
import { ProviderClient, ProviderUnreachableError } from '../providers/provider.client';
import { compareLedger } from './compare-ledger';
import { readStatement, UnreadableStatementError } from './provider-statement';
import { ReconciliationRow } from './reconciliation.entity';
import { ReconciliationRepository } from './reconciliation.repository';

/**
 * Reconciles one provider's day: its statement against the ledger's attempts paid that day, by reference. The outcome
 * and every mismatch are kept for operators and published, in one transaction (payment.reconciled.v1, and
 * payment.mismatch-found.v1 for each payment the two disagree on). A statement that cannot be fetched or read fails the
 * run, with the reason; the day is tried again later.
 */
@Injectable()
export class ReconciliationService {
  private readonly logger = new Logger('Reconciliation');

  constructor(
    private readonly dataSource: DataSource,
    private readonly runs: ReconciliationRepository,
    private readonly providers: PaymentProviders,
    private readonly client: ProviderClient,
    private readonly outbox: Outbox,
  ) {}

  /** Reconciles a day (YYYY-MM-DD) of the provider with that code now, replacing an earlier run of the day. */
  reconcileCode(code: string, day: string): Promise<ReconciliationRow> {
    const provider = this.providers.withCode(code);
    if (!provider) throw new PaymentException(PaymentProblem.UnknownProvider, `no payment provider has the code ${code}`, { provider: code });
    return this.reconcile(provider, day);
  }

  async reconcile(provider: PaymentProvider, day: string): Promise<ReconciliationRow> {
    const run = await this.runs.start(randomUUID(), provider.systemId, day);
    if (!run) throw new PaymentException(PaymentProblem.ReconciliationRunning, `${provider.code} on ${day} is being reconciled`, { retryAfterSeconds: 10 });
    let statement;
    try {
      statement = readStatement(await this.client.statement(provider, day), provider.code, day);
    } catch (error) {
      if (!(error instanceof ProviderUnreachableError || error instanceof UnreadableStatementError)) throw error;
      this.logger.warn(`${provider.code} on ${day} not reconciled: ${error.message}`);
      await this.runs.fail(run, error.message);
      return run;
    }
    const ledger = await this.runs.ledgerOf(provider.systemId, day);
    const comparison = compareLedger(ledger, statement);
    await this.dataSource.transaction(async (manager) => {
      await this.runs.finish(manager, run, { ledgerCount: ledger.length, statementCount: statement.length }, comparison);
      const common = { reconciliationId: run.id, provider: provider.systemId, businessDate: day };
      await this.outbox.addAll(manager, paymentMismatchFoundV1, comparison.mismatches.map((m) => ({ key: provider.systemId, payload: { ...common, ...m } })));
      await this.outbox.add(manager, paymentReconciledV1, provider.systemId, {
        ...common,
        ledgerCount: run.ledgerCount!,
        statementCount: run.statementCount!,
        matched: run.matched!,
        missing: run.missing!,
        extra: run.extra!,
        amountDiffers: run.amountDiffers!,
        reconciledAt: run.finishedAt!.toISOString(),
      });
    });
    this.outbox.notifyCommitted();
    if (comparison.mismatches.length > 0) this.logger.warn(`${provider.code} on ${day}: ${comparison.mismatches.length} payments disagree with the statement`);
    return run;
  }
}
