import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
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
