import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { PaymentRequest } from './payment-request.entity';

@Injectable()
export class PaymentRequestRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts unless its source event already created one; true when inserted. */
  async insertOnce(manager: EntityManager, request: PaymentRequest): Promise<boolean> {
    const result = await manager.createQueryBuilder().insert().into(PaymentRequest).values(request).orIgnore().returning('id').execute();
    return (result.raw as unknown[]).length > 0;
  }

  /** The request, locked for the rest of the transaction: attempts on one request are numbered one after another. */
  findForUpdate(manager: EntityManager, id: string): Promise<PaymentRequest | null> {
    return manager.getRepository(PaymentRequest).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async markPaid(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(PaymentRequest).update({ id }, { status: 'paid' });
  }

  findById(id: string): Promise<PaymentRequest | null> {
    return this.dataSource.getRepository(PaymentRequest).findOneBy({ id });
  }

  findPage(dossierCode: string | undefined, page: number, pageSize: number): Promise<[PaymentRequest[], number]> {
    return this.dataSource.getRepository(PaymentRequest).findAndCount({
      where: dossierCode ? { dossierCode } : {},
      order: { requestedAt: 'DESC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
  }
}
