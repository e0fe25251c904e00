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

  async report(actor: string, code: string, input: UpdateStatusDto): Promise<StatusUpdateResult> {
    const result = await this.dataSource.transaction(async (manager): Promise<StatusUpdateResult> => {
      const dossier = await this.dossiers.findForUpdate(manager, code);
      if (!dossier) throw new DossierException(DossierProblem.NotFound, `no dossier ${code}`);
      return { dossier, outcome: await this.reportWithin(manager, dossier, actor, input) };
    });
    if (result.outcome === 'applied') this.outbox.notifyCommitted();
    return result;
  }

  /** Judges and keeps one report of a dossier locked by the caller's transaction; the caller notifies the outbox. */
  async reportWithin(manager: EntityManager, dossier: Dossier, actor: string, input: UpdateStatusDto): Promise<ReportOutcome> {
    const reported = readReportedStatus(input.status, this.config.INTAKE_STATUS_MAPPINGS[actor]);
    if (!reported) throw new DossierException(DossierProblem.UnknownStatus, `${JSON.stringify(input.status)} is no dossier status (1–10 or a status word)`);
    const occurredAt = input.occurredAt ? new Date(input.occurredAt) : new Date();
    const note = input.note ?? null;
    const code = dossier.code;
    if (reported.kind === 'sub-state') {
      await this.dossiers.addToTimeline(manager, { dossierCode: code, kind: 'sub-state', status: dossier.status, detail: reported.name, note, actor, occurredAt });
      return 'noted';
    }
    const arriving: KeptReport = { status: reported.status, occurredAt, actor, note };
    const verdict = judgeReport<KeptReport>(await this.dossiers.reportsOf(manager, code), arriving);
    if (verdict.kind === 'duplicate') return 'duplicate';
    if (verdict.kind === 'refused') {
      const { from, reason } = verdict;
      throw new DossierException(DossierProblem.IllegalTransition, `${code}: ${from} → ${reported.status} refused: ${reason}`, { from, to: reported.status, occurredAt: occurredAt.toISOString() });
    }
    return this.apply(manager, dossier, arriving, verdict.after);
  }

  /** Keeps the report and brings the dossier to what its reports fold to (status, clock, due date), with the event when the status moved. */
  private async apply(manager: EntityManager, dossier: Dossier, arriving: KeptReport, life: Lifecycle<KeptReport>): Promise<ReportOutcome> {
    const previous = dossier.status as DossierStatus;
    const changed = life.status !== previous;
    const dueAt = await this.dueAtAfter(manager, dossier, life);
    if (dueAt?.getTime() !== dossier.dueAt?.getTime()) dossier.overdueAt = null;
    Object.assign(dossier, { status: life.status, clockStartedAt: life.clockStartedAt, dueAt, updatedAt: new Date() });
    await this.dossiers.keepReport(manager, arriving, dossier, { kind: changed ? 'status-changed' : 'status-late', previousStatus: previous });
    if (!changed) return 'late';
    await this.outbox.add(manager, dossierStatusChangedV1, dossier.code, {
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
