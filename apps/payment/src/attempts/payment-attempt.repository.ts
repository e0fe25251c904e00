import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { PaymentAttemptRow } from './payment-attempt.entity';
import { ProviderReportRow } from './provider-report.entity';

@Injectable()
export class PaymentAttemptRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, attempt: PaymentAttemptRow): Promise<void> {
    await manager.getRepository(PaymentAttemptRow).insert(attempt);
  }

  countOf(manager: EntityManager, requestId: string): Promise<number> {
    return manager.getRepository(PaymentAttemptRow).countBy({ requestId });
  }

  /** The attempt, locked for the rest of the transaction: reports and answers on one attempt queue. */
  findForUpdate(manager: EntityManager, where: { id: string } | { reference: string }): Promise<PaymentAttemptRow | null> {
    return manager.getRepository(PaymentAttemptRow).findOne({ where, lock: { mode: 'pessimistic_write' } });
  }

  async save(manager: EntityManager, attempt: PaymentAttemptRow): Promise<void> {
    await manager.getRepository(PaymentAttemptRow).save(attempt);
  }

  /**
   * Takes up to `limit` attempts still waiting for their provider's word that began before `startedBefore` and were
   * not looked up since `queriedBefore`, and marks them looked up now: several instances never ask about the same one.
   */
  async claimForQuery(startedBefore: Date, queriedBefore: Date, limit: number): Promise<PaymentAttemptRow[]> {
    // TypeORM answers an UPDATE with its rows and their count
    const [ids]: [{ id: string }[], number] = await this.dataSource.query(
      `UPDATE payment_attempts SET queried_at = now() WHERE id IN (
         SELECT id FROM payment_attempts
         WHERE status IN ('created', 'pending') AND created_at < $1 AND (queried_at IS NULL OR queried_at < $2)
         ORDER BY created_at LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING id`,
      [startedBefore, queriedBefore, limit],
    );
    return ids.length === 0 ? [] : this.dataSource.getRepository(PaymentAttemptRow).find({ where: { id: In(ids.map((r) => r.id)) }, order: { createdAt: 'ASC' } });
  }

  findById(id: string): Promise<PaymentAttemptRow | null> {
    return this.dataSource.getRepository(PaymentAttemptRow).findOneBy({ id });
  }

  /** The attempt that paid a fee of the dossier: the first that succeeded (refunded ones included). */
  paidOf(dossierCode: string, requestId: string, manager: EntityManager = this.dataSource.manager): Promise<PaymentAttemptRow | null> {
    return manager.getRepository(PaymentAttemptRow).findOne({
      where: { dossierCode, requestId, status: In(['succeeded', 'partially-refunded', 'refunded']) },
      order: { settledAt: 'ASC' },
    });
  }

  ofDossier(dossierCode: string): Promise<PaymentAttemptRow[]> {
    return this.dataSource.getRepository(PaymentAttemptRow).find({ where: { dossierCode }, order: { createdAt: 'ASC', number: 'ASC' } });
  }

  async addReport(manager: EntityManager, report: ProviderReportRow): Promise<void> {
    await manager.getRepository(ProviderReportRow).insert(report);
  }

  reportsOf(reference: string): Promise<ProviderReportRow[]> {
    return this.dataSource.getRepository(ProviderReportRow).find({ where: { reference }, order: { receivedAt: 'ASC' } });
  }
}
