import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Delivery, DeliveryStatus } from './delivery.entity';

export interface DeliveryFilter {
  status?: DeliveryStatus;
  systemCode?: string;
  subject?: string;
}

export type NewDelivery = Pick<Delivery, 'id' | 'sourceEventId' | 'systemCode' | 'subject' | 'payload' | 'status' | 'attempts' | 'lastError'>;

@Injectable()
export class DeliveryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts them in one statement, each unless its event already has its delivery; answers the ids inserted. */
  async insertAll(manager: EntityManager, deliveries: readonly NewDelivery[]): Promise<Set<string>> {
    if (deliveries.length === 0) return new Set();
    const result = await manager.createQueryBuilder().insert().into(Delivery).values([...deliveries]).orIgnore().returning(['id']).execute();
    return new Set((result.raw as { id: string }[]).map((row) => row.id));
  }

  /**
   * Locks up to `limit` due pending deliveries for the rest of the caller's transaction; rows another
   * worker holds are skipped, so workers never deliver the same row at once.
   */
  claimDue(manager: EntityManager, limit: number): Promise<Delivery[]> {
    return manager
      .createQueryBuilder(Delivery, 'd')
      .where(`d.status = 'pending'`)
      .andWhere('d.next_attempt_at <= now()')
      .orderBy('d.next_attempt_at')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  /** Marks the deliveries delivered at `deliveredAt`, each with its count of attempts, in one statement. */
  async markAllDelivered(manager: EntityManager, delivered: readonly { id: string; attempts: number }[], deliveredAt: Date): Promise<void> {
    if (delivered.length === 0) return;
    await manager.query(
      `UPDATE deliveries d SET status = 'delivered', attempts = u.attempts, delivered_at = $3, last_error = NULL, updated_at = now()
       FROM unnest($1::uuid[], $2::int[]) AS u(id, attempts) WHERE d.id = u.id`,
      [delivered.map((d) => d.id), delivered.map((d) => d.attempts), deliveredAt],
    );
  }

  /** The next attempt is timed on the database clock, the same clock `claimDue` compares with. */
  async scheduleRetry(manager: EntityManager, id: string, attempts: number, delayMs: number, error: string): Promise<void> {
    await manager.query(
      `UPDATE deliveries SET attempts = $2, last_error = $3, next_attempt_at = now() + $4::integer * interval '1 millisecond', updated_at = now() WHERE id = $1`,
      [id, attempts, error, delayMs],
    );
  }

  async markFailed(manager: EntityManager, id: string, attempts: number, error: string): Promise<void> {
    await manager.update(Delivery, { id }, { status: 'failed', attempts, lastError: error });
  }

  /** Back to the queue, due now, with a fresh attempt budget; the last error stays until the next attempt. */
  async requeue(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = now(), updated_at = now() WHERE id = $1`, [id]);
  }

  findForUpdate(manager: EntityManager, id: string): Promise<Delivery | null> {
    return manager.getRepository(Delivery).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  findById(id: string): Promise<Delivery | null> {
    return this.dataSource.getRepository(Delivery).findOneBy({ id });
  }

  /** One page, newest first, with the number of all matching deliveries. */
  page(filter: DeliveryFilter, page: number, pageSize: number): Promise<[Delivery[], number]> {
    const where = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined));
    return this.dataSource
      .getRepository(Delivery)
      .findAndCount({ where, order: { createdAt: 'DESC', id: 'DESC' }, take: pageSize, skip: (page - 1) * pageSize });
  }
}
