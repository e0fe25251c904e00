import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Comparison, SettledPayment } from './compare-ledger';
import { ReconciliationRow } from './reconciliation.entity';

/** A run still "running" after this long died with its instance: the day may be reconciled again. */
const STALE_RUN = '10 minutes';

/** The instant a Vietnamese day (YYYY-MM-DD) begins; Vietnam keeps UTC+7 all year. */
const dayStart = (day: string) => `${day}T00:00:00+07:00`;

@Injectable()
export class ReconciliationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Starts reconciling a provider's day, replacing an earlier run of it that is over (with its mismatches); undefined
   * while another run of the day is under way.
   */
  start(id: string, provider: string, day: string): Promise<ReconciliationRow | undefined> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        `DELETE FROM reconciliations WHERE provider = $1 AND business_date = $2 AND (status <> 'running' OR started_at < now() - interval '${STALE_RUN}')`,
        [provider, day],
      );
      const inserted: unknown[] = await manager.query(
        `INSERT INTO reconciliations (id, provider, business_date, status, started_at) VALUES ($1, $2, $3, 'running', now()) ON CONFLICT DO NOTHING RETURNING id`,
        [id, provider, day],
      );
      return inserted.length > 0 ? ((await manager.getRepository(ReconciliationRow).findOneBy({ id })) ?? undefined) : undefined;
    });
  }

  /** The provider's attempts paid on that Vietnamese day, by the time the provider gave. */
  async ledgerOf(provider: string, day: string): Promise<SettledPayment[]> {
    const rows: { reference: string; provider_transaction: string | null; amount: number }[] = await this.dataSource.query(
      `SELECT reference, provider_transaction, amount FROM payment_attempts
       WHERE provider = $1 AND status IN ('succeeded', 'partially-refunded', 'refunded')
         AND settled_at >= $2::timestamptz AND settled_at < $2::timestamptz + interval '1 day'`,
      [provider, dayStart(day)],
    );
    return rows.map((r) => ({ reference: r.reference, providerTransaction: r.provider_transaction, amount: r.amount }));
  }

  async finish(manager: EntityManager, run: ReconciliationRow, counts: { ledgerCount: number; statementCount: number }, { matched, mismatches }: Comparison): Promise<void> {
    const count = (kind: string) => mismatches.filter((m) => m.kind === kind).length;
    Object.assign(run, {
      ...counts,
      matched,
      missing: count('missing'),
      extra: count('extra'),
      amountDiffers: count('amount-differs'),
      status: mismatches.length === 0 ? 'matched' : 'mismatched',
      finishedAt: new Date(),
    });
    await manager.getRepository(ReconciliationRow).save(run);
    if (mismatches.length === 0) return;
    await manager.query(
      `INSERT INTO reconciliation_mismatches (reconciliation_id, kind, reference, provider_transaction, ledger_amount, statement_amount)
       SELECT $1, * FROM unnest($2::varchar[], $3::varchar[], $4::varchar[], $5::integer[], $6::integer[])`,
      [
        run.id,
        mismatches.map((m) => m.kind),
        mismatches.map((m) => m.reference),
        mismatches.map((m) => m.providerTransaction),
        mismatches.map((m) => m.ledgerAmount),
        mismatches.map((m) => m.statementAmount),
      ],
    );
  }

  async fail(run: ReconciliationRow, error: string): Promise<void> {
    Object.assign(run, { status: 'failed', error: error.slice(0, 2000), finishedAt: new Date() });
    await this.dataSource.getRepository(ReconciliationRow).save(run);
  }

  /** The providers whose day needs no run now: reconciled, under way, or failed less than `retryAfterMs` ago. */
  async settledOn(day: string, retryAfterMs: number): Promise<Set<string>> {
    const rows: { provider: string }[] = await this.dataSource.query(
      `SELECT provider FROM reconciliations WHERE business_date = $1 AND (status <> 'failed' OR finished_at > now() - make_interval(secs => $2::double precision / 1000))`,
      [day, retryAfterMs],
    );
    return new Set(rows.map((r) => r.provider));
  }

  findById(id: string): Promise<ReconciliationRow | null> {
    return this.dataSource.getRepository(ReconciliationRow).findOneBy({ id });
  }

  findPage(filter: { provider?: string; day?: string }, page: number, pageSize: number): Promise<[ReconciliationRow[], number]> {
    return this.dataSource.getRepository(ReconciliationRow).findAndCount({
      where: { ...(filter.provider ? { provider: filter.provider } : {}), ...(filter.day ? { businessDate: filter.day } : {}) },
      order: { businessDate: 'DESC', provider: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
  }

  async mismatchesOf(id: string, kind: string | undefined, page: number, pageSize: number): Promise<[Record<string, unknown>[], number]> {
    const params: unknown[] = [id, ...(kind ? [kind] : [])];
    const where = `reconciliation_id = $1${kind ? ' AND kind = $2' : ''}`;
    const paging = `LIMIT $${params.length + 1} OFFSET $${params.length + 2}`;
    const [items, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `SELECT kind, reference, provider_transaction AS "providerTransaction", ledger_amount AS "ledgerAmount", statement_amount AS "statementAmount"
         FROM reconciliation_mismatches WHERE ${where} ORDER BY kind, reference ${paging}`,
        [...params, pageSize, (page - 1) * pageSize],
      ),
      this.dataSource.query(`SELECT count(*)::int AS total FROM reconciliation_mismatches WHERE ${where}`, params),
    ]);
    return [items, total];
  }
}
