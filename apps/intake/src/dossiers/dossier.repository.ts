import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Dossier } from './dossier.entity';
import { DossierTimelineEntry } from './dossier-timeline-entry.entity';
import { StatusReportRecord } from './status-report.entity';

@Injectable()
export class DossierRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The next daily sequence for an agency. The counter row stays locked until the caller's transaction
   * ends, so concurrent submissions never share a number, and a rolled-back submission leaves no gap.
   */
  async nextSequence(manager: EntityManager, agencyCode: string, day: string): Promise<number> {
    const [row] = await manager.query(
      `INSERT INTO dossier_sequences (agency_code, day, last_value) VALUES ($1, $2, 1)
       ON CONFLICT (agency_code, day) DO UPDATE SET last_value = dossier_sequences.last_value + 1
       RETURNING last_value`,
      [agencyCode, day],
    );
    return row.last_value;
  }

  async insert(manager: EntityManager, dossier: Dossier, entry: Partial<DossierTimelineEntry>): Promise<void> {
    await manager.insert(Dossier, dossier);
    await manager.insert(DossierTimelineEntry, entry);
  }

  /** Stores what a status report changed of the dossier (status, clock, due date) and the report's timeline entry. */
  async updateLifecycle(manager: EntityManager, dossier: Dossier, entry: Partial<DossierTimelineEntry>): Promise<void> {
    const { status, updatedAt, clockStartedAt, dueAt, overdueAt } = dossier;
    await manager.update(Dossier, { code: dossier.code }, { status, updatedAt, clockStartedAt, dueAt, overdueAt });
    await manager.insert(DossierTimelineEntry, entry);
  }

  async addToTimeline(manager: EntityManager, entry: Partial<DossierTimelineEntry>): Promise<void> {
    await manager.insert(DossierTimelineEntry, entry);
  }

  /** The status reports kept for a dossier; read under the dossier's lock, so none is missed. */
  reportsOf(manager: EntityManager, code: string): Promise<StatusReportRecord[]> {
    return manager.getRepository(StatusReportRecord).find({ where: { dossierCode: code }, order: { id: 'ASC' } });
  }

  async keepReport(manager: EntityManager, report: Omit<StatusReportRecord, 'id'>): Promise<void> {
    await manager.insert(StatusReportRecord, report);
  }

  /**
   * Locks up to `limit` dossiers whose clock runs past their due date and that are not marked overdue yet, skipping
   * those another instance holds: each is found once.
   */
  lockOverdue(manager: EntityManager, now: Date, limit: number): Promise<Dossier[]> {
    return manager
      .getRepository(Dossier)
      .createQueryBuilder('d')
      .where('d.due_at < :now AND d.overdue_at IS NULL', { now })
      .orderBy('d.due_at')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  async markOverdue(manager: EntityManager, dossier: Dossier, at: Date): Promise<void> {
    await manager.update(Dossier, { code: dossier.code }, { overdueAt: at });
    await manager.insert(DossierTimelineEntry, { dossierCode: dossier.code, kind: 'overdue', status: dossier.status, actor: 'intake', occurredAt: at });
  }

  findByPartnerReference(sourceSystem: string, partnerReference: string): Promise<Dossier | null> {
    return this.dataSource.getRepository(Dossier).findOneBy({ sourceSystem, partnerReference });
  }

  /** Locks the dossier for the rest of the transaction: its status changes one at a time. */
  findForUpdate(manager: EntityManager, code: string): Promise<Dossier | null> {
    return manager.getRepository(Dossier).findOne({ where: { code }, lock: { mode: 'pessimistic_write' } });
  }

  findByCode(code: string): Promise<Dossier | null> {
    return this.dataSource.getRepository(Dossier).findOneBy({ code });
  }

  timelineOf(code: string): Promise<DossierTimelineEntry[]> {
    return this.dataSource.getRepository(DossierTimelineEntry).find({ where: { dossierCode: code }, order: { occurredAt: 'ASC', id: 'ASC' } });
  }
}
