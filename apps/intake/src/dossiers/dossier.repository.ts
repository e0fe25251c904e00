import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Dossier } from './dossier.entity';
import { DossierTimelineEntry } from './dossier-timeline-entry.entity';
import { StatusReportRecord } from './status-report.entity';

/** How a kept report shows on the timeline; its status, note, actor and time are the report's. */
export interface ReportEntry {
  kind: 'status-changed' | 'status-late';
  previousStatus: number;
}

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

  /**
   * Keeps a status report of the dossier and stores what the dossier became by it (status, clock, due date) with the
   * report's timeline entry: one statement, one round trip, under the dossier's lock.
   */
  async keepReport(manager: EntityManager, report: Omit<StatusReportRecord, 'id' | 'dossierCode'>, dossier: Dossier, entry: ReportEntry): Promise<void> {
    const { code, status, updatedAt, clockStartedAt, dueAt, overdueAt } = dossier;
    await manager.query(
      `WITH kept AS (
         INSERT INTO dossier_status_reports (dossier_code, status, occurred_at, actor, note) VALUES ($1, $2, $3, $4, $5)
       ), moved AS (
         UPDATE dossiers SET status = $6, updated_at = $7, clock_started_at = $8, due_at = $9, overdue_at = $10 WHERE code = $1
       )
       INSERT INTO dossier_timeline (dossier_code, kind, status, previous_status, note, actor, occurred_at) VALUES ($1, $11, $2, $12, $5, $4, $3)`,
      [code, report.status, report.occurredAt, report.actor, report.note, status, updatedAt, clockStartedAt, dueAt, overdueAt, entry.kind, entry.previousStatus],
    );
  }

  async addToTimeline(manager: EntityManager, entry: Partial<DossierTimelineEntry>): Promise<void> {
    await manager.insert(DossierTimelineEntry, entry);
  }

  /** The status reports kept for a dossier; read under the dossier's lock, so none is missed. */
  reportsOf(manager: EntityManager, code: string): Promise<StatusReportRecord[]> {
    return manager.getRepository(StatusReportRecord).find({ where: { dossierCode: code }, order: { id: 'ASC' } });
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
