import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { Notification, NotificationStatus } from './notification.entity';

export interface NotificationFilter {
  dossierCode?: string;
  status?: NotificationStatus;
}

export interface Page {
  page: number;
  pageSize: number;
}

@Injectable()
export class NotificationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts them in one statement, each unless its event already produced a message on its channel. */
  async insertOnce(manager: EntityManager, notifications: Omit<Notification, 'createdAt'>[]): Promise<void> {
    if (notifications.length === 0) return;
    await manager.createQueryBuilder().insert().into(Notification).values(notifications).orIgnore().execute();
  }

  /** The most overdue pending messages, at most `limit`, locked for the caller's transaction; other senders skip them. */
  claimDue(manager: EntityManager, limit: number): Promise<Notification[]> {
    return manager
      .createQueryBuilder(Notification, 'n')
      .where(`n.status = 'pending'`)
      .andWhere('n.next_attempt_at <= now()')
      .orderBy('n.next_attempt_at')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  /** Marks the messages sent, each at its next attempt, in one statement. */
  async markSent(manager: EntityManager, ids: string[], sentAt: Date): Promise<void> {
    if (ids.length === 0) return;
    await manager.update(Notification, { id: In(ids) }, { status: 'sent', attempts: () => 'attempts + 1', sentAt, lastError: null });
  }

  /** Records a failed attempt: retried at `retryAt`, or given up (`failed`) when there is none. */
  async markAttemptFailed(manager: EntityManager, id: string, attempts: number, error: string, retryAt: Date | undefined): Promise<void> {
    await manager.update(Notification, { id }, { attempts, lastError: error, ...(retryAt ? { nextAttemptAt: retryAt } : { status: 'failed' }) });
  }

  findPage(filter: NotificationFilter, { page, pageSize }: Page): Promise<[Notification[], number]> {
    return this.dataSource.getRepository(Notification).findAndCount({
      where: { ...(filter.dossierCode && { dossierCode: filter.dossierCode }), ...(filter.status && { status: filter.status }) },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
  }
}
