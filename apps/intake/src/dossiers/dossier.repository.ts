import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Dossier } from './dossier.entity';
import { DossierTimelineEntry } from './dossier-timeline-entry.entity';
import { DossierRow, dossierOf } from './dossier.row';
import { ReportWrites, TimelineRow } from './report-writes';
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

  /** Stores a new dossier with its first timeline entry: one statement, one round trip. */
  async insert(manager: EntityManager, d: Dossier, entry: Pick<TimelineRow, 'kind' | 'actor' | 'occurredAt'>): Promise<void> {
    await manager.query(
      `WITH stored AS (
         INSERT INTO dossiers (code, source_system, partner_reference, procedure_code, procedure_name, case_code, agency_code, province_code, channel,
                               applicant, contact, summary, status, submitted_at, updated_at, clock_started_at, due_at, overdue_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
         RETURNING code, status
       )
       INSERT INTO dossier_timeline (dossier_code, kind, status, actor, occurred_at) SELECT code, $19, status, $20, $21 FROM stored`,
      [
        d.code, d.sourceSystem, d.partnerReference, d.procedureCode, d.procedureName, d.caseCode, d.agencyCode, d.provinceCode, d.channel,
        JSON.stringify(d.applicant), JSON.stringify(d.contact), d.summary, d.status, d.submittedAt, d.updatedAt, d.clockStartedAt, d.dueAt, d.overdueAt,
        entry.kind, entry.actor, entry.occurredAt,
      ],
    );
  }

  /**
   * Writes what judging status reports decided, in one statement under the dossiers' locks: the reports kept, each
   * moved dossier as it ends up (status, clock, due date), the timeline entries, reports and entries in their order.
   */
  async keepReports(manager: EntityManager, writes: ReportWrites): Promise<void> {
    if (writes.empty) return;
    const { reports, timeline } = writes;
    const moved = [...writes.moved.values()];
    await manager.query(
      `WITH kept AS (
         INSERT INTO dossier_status_reports (dossier_code, status, occurred_at, actor, note)
         SELECT code, status, occurred_at, actor, note
           FROM unnest($1::varchar[], $2::smallint[], $3::timestamptz[], $4::varchar[], $5::text[]) WITH ORDINALITY AS r(code, status, occurred_at, actor, note, n)
          ORDER BY n
       ), moved AS (
         UPDATE dossiers d SET status = m.status, updated_at = m.updated_at, clock_started_at = m.clock_started_at, due_at = m.due_at, overdue_at = m.overdue_at
           FROM unnest($6::varchar[], $7::smallint[], $8::timestamptz[], $9::timestamptz[], $10::timestamptz[], $11::timestamptz[]) AS m(code, status, updated_at, clock_started_at, due_at, overdue_at)
          WHERE d.code = m.code
       )
       INSERT INTO dossier_timeline (dossier_code, kind, status, previous_status, note, detail, actor, occurred_at)
       SELECT code, kind, status, previous_status, note, detail, actor, occurred_at
         FROM unnest($12::varchar[], $13::varchar[], $14::smallint[], $15::smallint[], $16::text[], $17::varchar[], $18::varchar[], $19::timestamptz[])
              WITH ORDINALITY AS t(code, kind, status, previous_status, note, detail, actor, occurred_at, n)
        ORDER BY n`,
      [
        reports.map((r) => r.dossierCode),
        reports.map((r) => r.status),
        reports.map((r) => r.occurredAt),
        reports.map((r) => r.actor),
        reports.map((r) => r.note),
        moved.map((d) => d.code),
        moved.map((d) => d.status),
        moved.map((d) => d.updatedAt),
        moved.map((d) => d.clockStartedAt),
        moved.map((d) => d.dueAt),
        moved.map((d) => d.overdueAt),
        timeline.map((e) => e.dossierCode),
        timeline.map((e) => e.kind),
        timeline.map((e) => e.status),
        timeline.map((e) => e.previousStatus ?? null),
        timeline.map((e) => e.note ?? null),
        timeline.map((e) => e.detail ?? null),
        timeline.map((e) => e.actor),
        timeline.map((e) => e.occurredAt),
      ],
    );
  }

  async addToTimeline(manager: EntityManager, entry: Partial<DossierTimelineEntry>): Promise<void> {
    await manager.insert(DossierTimelineEntry, entry);
  }

  /** The status reports kept for each of the dossiers, in the order kept; read under the dossiers' locks, so none is missed. */
  async reportsOfAll(manager: EntityManager, codes: string[]): Promise<Map<string, StatusReportRecord[]>> {
    const rows: { id: string; dossier_code: string; status: number; occurred_at: Date; actor: string; note: string | null }[] = await manager.query(
      `SELECT id, dossier_code, status, occurred_at, actor, note FROM dossier_status_reports WHERE dossier_code = ANY($1::varchar[]) ORDER BY id`,
      [codes],
    );
    const kept = new Map<string, StatusReportRecord[]>(codes.map((code) => [code, []]));
    for (const r of rows) kept.get(r.dossier_code)?.push({ id: r.id, dossierCode: r.dossier_code, status: r.status, occurredAt: r.occurred_at, actor: r.actor, note: r.note });
    return kept;
  }

  async reportsOf(manager: EntityManager, code: string): Promise<StatusReportRecord[]> {
    return (await this.reportsOfAll(manager, [code])).get(code)!;
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

  async findByPartnerReference(sourceSystem: string, partnerReference: string): Promise<Dossier | null> {
    const [row] = await this.dataSource.query(`SELECT * FROM dossiers WHERE source_system = $1 AND partner_reference = $2`, [sourceSystem, partnerReference]);
    return row ? dossierOf(row) : null;
  }

  /** Locks the dossier for the rest of the transaction: its status changes one at a time. */
  async findForUpdate(manager: EntityManager, code: string): Promise<Dossier | null> {
    const [dossier] = await this.findAllForUpdate(manager, [code]);
    return dossier ?? null;
  }

  /**
   * Locks the dossiers held of those named, in the order of their codes byte by byte (COLLATE "C"), as every call
   * locking several does, so that two never deadlock.
   */
  async findAllForUpdate(manager: EntityManager, codes: string[]): Promise<Dossier[]> {
    const rows: DossierRow[] = await manager.query(`SELECT * FROM dossiers WHERE code = ANY($1::varchar[]) ORDER BY code COLLATE "C" FOR UPDATE`, [codes]);
    return rows.map(dossierOf);
  }

  findByCode(code: string): Promise<Dossier | null> {
    return this.dataSource.getRepository(Dossier).findOneBy({ code });
  }

  timelineOf(code: string): Promise<DossierTimelineEntry[]> {
    return this.dataSource.getRepository(DossierTimelineEntry).find({ where: { dossierCode: code }, order: { occurredAt: 'ASC', id: 'ASC' } });
  }
}
