import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
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

  /** Inserts unless this event already produced a message on this channel. */
  async insertOnce(manager: EntityManager, notification: Omit<Notification, 'createdAt'>): Promise<void> {
    await manager.createQueryBuilder().insert().into(Notification).values(notification).orIgnore().execute();
  }

  /** The most overdue pending message, locked for the caller's transaction; other senders skip it. */
  claimNextDue(manager: EntityManager): Promise<Notification | null> {
    return manager
      .createQueryBuilder(Notification, 'n')
      .where(`n.status = 'pending'`)
      .andWhere('n.next_attempt_at <= now()')
      .orderBy('n.next_attempt_at')
      .limit(1)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getOne();
  }

  async markSent(manager: EntityManager, id: string, attempts: number, sentAt: Date): Promise<void> {
    await manager.update(Notification, { id }, { status: 'sent', attempts, sentAt, lastError: null });
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
