import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { dossierStatusChangedV1 } from '@lienthong/contracts';
import { DossierStatus, judgeReport, Lifecycle, readReportedStatus, StatusReport } from '@lienthong/domain-dossier';
import { Outbox } from '@lienthong/platform-kafka';
import { IntakeEnv } from '../config';
import { ProcedureCopyRepository } from '../procedures/procedure-copy.repository';
import { Dossier } from './dossier.entity';
import { DossierException, DossierProblem } from './dossier.exception';
import { DossierRepository } from './dossier.repository';
import { DueDates, processingTimeOf } from './due-date';
import { ReportWrites } from './report-writes';
import { UpdateStatusDto } from './update-status.dto';

/**
 * applied: the dossier moved on; late: kept, but later reports already decided the status (or it repeated it);
 * duplicate: the same status at the same instant was reported before; noted: a sub-state, on the timeline only.
 */
export type ReportOutcome = 'applied' | 'late' | 'duplicate' | 'noted';

export interface StatusUpdateResult {
  dossier: Dossier;
  outcome: ReportOutcome;
}

/** A status report naming its dossier, as a batch carries it. */
export type DossierStatusReport = UpdateStatusDto & { code: string };

/** What became of one report of a batch: judged (the dossier as it then stood), or refused with the problem a single report would get. */
export type BatchReportResult = { code: string; dossier: Dossier; outcome: ReportOutcome } | { code: string; refusal: DossierException };

type KeptReport = StatusReport & { actor: string; note: string | null };

/**
 * Status reports of the processing systems. Every report that a legal path leads to is kept, and the dossier's status
 * is folded from all of them, so duplicates and reports overtaking each other end where in-order delivery ends.
 */
@Injectable()
export class DossierLifecycleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly dossiers: DossierRepository,
    private readonly procedures: ProcedureCopyRepository,
    private readonly dueDates: DueDates,
    private readonly outbox: Outbox,
    private readonly config: IntakeEnv,
  ) {}

  /** One report: a batch of one, its refusal thrown. */
  async report(actor: string, code: string, input: UpdateStatusDto): Promise<StatusUpdateResult> {
    const [result] = await this.reportAll(actor, [{ ...input, code }]);
    if ('refusal' in result) throw result.refusal;
    return result;
  }

  /**
   * Reports of one system, judged in the order given within one transaction: the dossiers locked (in code order) and
   * their kept reports read once, every verdict written in one statement. A report refused (unknown dossier or status,
   * illegal transition) changes nothing and leaves the others be.
   */
  async reportAll(actor: string, reports: DossierStatusReport[]): Promise<BatchReportResult[]> {
    const writes = new ReportWrites();
    const results = await this.dataSource.transaction(async (manager): Promise<BatchReportResult[]> => {
      const codes = [...new Set(reports.map((r) => r.code))];
      const locked = new Map((await this.dossiers.findAllForUpdate(manager, codes)).map((d) => [d.code, d]));
      const kept = await this.dossiers.reportsOfAll(manager, [...locked.keys()]);
      const results: BatchReportResult[] = [];
      for (const { code, ...input } of reports) {
        const dossier = locked.get(code);
        if (!dossier) {
          results.push({ code, refusal: new DossierException(DossierProblem.NotFound, `no dossier ${code}`) });
          continue;
        }
        try {
          const outcome = await this.judge(manager, dossier, kept.get(code)!, actor, input, writes);
          // as this report left it: a later one of the batch may move it on
          results.push({ code, dossier: { ...dossier }, outcome });
        } catch (error) {
          if (!(error instanceof DossierException)) throw error;
          results.push({ code, refusal: error });
        }
      }
      await this.write(manager, writes);
      return results;
    });
    if (writes.events.length > 0) this.outbox.notifyCommitted();
    return results;
  }

  /** Judges and keeps one report of a dossier locked by the caller's transaction; the caller notifies the outbox. */
  async reportWithin(manager: EntityManager, dossier: Dossier, actor: string, input: UpdateStatusDto): Promise<ReportOutcome> {
    const writes = new ReportWrites();
    const outcome = await this.judge(manager, dossier, await this.dossiers.reportsOf(manager, dossier.code), actor, input, writes);
    await this.write(manager, writes);
    return outcome;
  }

  private async write(manager: EntityManager, writes: ReportWrites): Promise<void> {
    await this.dossiers.keepReports(manager, writes);
    await this.outbox.addAll(manager, dossierStatusChangedV1, writes.events);
  }

  /**
   * Judges a report against those `kept` for the dossier; an accepted one joins them, moves the dossier (in memory) and
   * goes into `writes`. Throws the refusal before anything changed.
   */
  private async judge(manager: EntityManager, dossier: Dossier, kept: KeptReport[], actor: string, input: UpdateStatusDto, writes: ReportWrites): Promise<ReportOutcome> {
    const reported = readReportedStatus(input.status, this.config.INTAKE_STATUS_MAPPINGS[actor]);
    if (!reported) throw new DossierException(DossierProblem.UnknownStatus, `${JSON.stringify(input.status)} is no dossier status (1–10 or a status word)`);
    const occurredAt = input.occurredAt ? new Date(input.occurredAt) : new Date();
    const note = input.note ?? null;
    const code = dossier.code;
    if (reported.kind === 'sub-state') {
      writes.timeline.push({ dossierCode: code, kind: 'sub-state', status: dossier.status, detail: reported.name, note, actor, occurredAt });
      return 'noted';
    }
    const arriving: KeptReport = { status: reported.status, occurredAt, actor, note };
    const verdict = judgeReport<KeptReport>(kept, arriving);
    if (verdict.kind === 'duplicate') return 'duplicate';
    if (verdict.kind === 'refused') {
      const { from, reason } = verdict;
      throw new DossierException(DossierProblem.IllegalTransition, `${code}: ${from} → ${reported.status} refused: ${reason}`, { from, to: reported.status, occurredAt: occurredAt.toISOString() });
    }
    kept.push(arriving);
    return this.apply(manager, dossier, arriving, verdict.after, writes);
  }

  /** Brings the dossier to what its reports fold to (status, clock, due date), with the event when the status moved. */
  private async apply(manager: EntityManager, dossier: Dossier, arriving: KeptReport, life: Lifecycle<KeptReport>, writes: ReportWrites): Promise<ReportOutcome> {
    const previous = dossier.status as DossierStatus;
    const changed = life.status !== previous;
    const dueAt = await this.dueAtAfter(manager, dossier, life);
    if (dueAt?.getTime() !== dossier.dueAt?.getTime()) dossier.overdueAt = null;
    Object.assign(dossier, { status: life.status, clockStartedAt: life.clockStartedAt, dueAt, updatedAt: new Date() });
    const { status, occurredAt, actor, note } = arriving;
    writes.keep(
      { dossierCode: dossier.code, status, occurredAt, actor, note },
      { dossierCode: dossier.code, kind: changed ? 'status-changed' : 'status-late', status, previousStatus: previous, note, actor, occurredAt },
      dossier,
    );
    if (!changed) return 'late';
    writes.events.push({
      key: dossier.code,
      payload: {
        code: dossier.code,
        procedureCode: dossier.procedureCode,
        provinceCode: dossier.provinceCode,
        previousStatus: previous,
        status: life.status,
        note: life.lastApplied!.note,
        changedBy: life.lastApplied!.actor,
        changedAt: life.lastApplied!.occurredAt.toISOString(),
        applicantName: dossier.applicant.name,
        contact: dossier.contact,
        dueAt: dueAt?.toISOString() ?? null,
        channel: dossier.channel,
      },
    });
    return 'applied';
  }

  /** The due date runs only with the clock; it is computed when the clock starts or starts afresh, and kept otherwise. */
  private async dueAtAfter(manager: EntityManager, dossier: Dossier, life: Lifecycle<KeptReport>): Promise<Date | null> {
    if (!life.clockRunning || !life.clockStartedAt) return null;
    if (dossier.dueAt && life.clockStartedAt.getTime() === dossier.clockStartedAt?.getTime()) return dossier.dueAt;
    const procedure = await this.procedures.findByCode(dossier.procedureCode, manager);
    return this.dueDates.dueAt(processingTimeOf(procedure, dossier.caseCode), life.clockStartedAt);
  }
}
