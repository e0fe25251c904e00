import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  DossierStatus,
  isRecord,
  LegacyAnswer,
  LegacyDossier,
  legacyRefused,
  LegacyStep,
  LEGACY_SUCCESS,
  parseProgressRequest,
  parseSyncRequest,
  reachedAt,
  readReportedStatus,
} from '@lienthong/domain-dossier';
import { ProblemException } from '@lienthong/platform-http';
import { Outbox } from '@lienthong/platform-kafka';
import { IntakeEnv } from '../config';
import { Dossier } from '../dossiers/dossier.entity';
import { DossierRepository } from '../dossiers/dossier.repository';
import { DossierService } from '../dossiers/dossier.service';
import { DossierLifecycleService } from '../dossiers/dossier-lifecycle.service';
import { ProcessingStepsService } from '../dossiers/processing-steps.service';
import { acceptedAt, toRegistration } from './legacy-dossier.mapper';
import { toLegacyRecord } from './legacy-lookup.view';

/** A refusal in the dialect's words: the call's transaction rolls back, and the client reads the message. */
class LegacyRefusal extends Error {}

const NOT_A_REQUEST = legacyRefused('Yêu cầu không hợp lệ');

/**
 * The national portal's side of the DVCQG dialect, so that a province's one-stop software syncs with the backbone
 * unchanged: DongBoHoSoMC (create, or update with isUpdating; a create of a code held answers "đã tồn tại"),
 * CapNhatTienDoHoSoMC (processing steps) and TraCuuHoSo (look-up). A call is applied whole or not at all; statuses
 * go through the same lifecycle as the canonical API's.
 */
@Injectable()
export class DvcqgCompatService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly dossiers: DossierRepository,
    private readonly registrations: DossierService,
    private readonly lifecycle: DossierLifecycleService,
    private readonly steps: ProcessingStepsService,
    private readonly outbox: Outbox,
    private readonly config: IntakeEnv,
  ) {}

  async sync(actor: string, body: unknown): Promise<LegacyAnswer> {
    if (!isRecord(body)) return NOT_A_REQUEST;
    const request = parseSyncRequest(body);
    if (!request.ok) return legacyRefused(request.message);
    const { isUpdating, madonvi, dossiers } = request.value;
    return this.applied(async (manager) => {
      for (const record of byCode(dossiers, (r) => r.MaHoSo.trim())) {
        const held = await this.dossiers.findForUpdate(manager, record.MaHoSo.trim());
        // an update of a code not held yet creates it: a batch partly created before a retry still goes through
        if (held && !isUpdating) throw new LegacyRefusal(`Hồ sơ ${record.MaHoSo} đã tồn tại`);
        if (held) await this.reportStatusOf(manager, held, actor, record, false);
        else await this.reportStatusOf(manager, await this.register(manager, actor, record, madonvi), actor, record, true);
      }
    });
  }

  async progress(actor: string, body: unknown): Promise<LegacyAnswer> {
    if (!isRecord(body)) return NOT_A_REQUEST;
    const request = parseProgressRequest(body);
    if (!request.ok) return legacyRefused(request.message);
    const byDossier = Map.groupBy(request.value, (step) => step.MaHoSo.trim());
    return this.applied(async (manager) => {
      let statusChanged = false;
      for (const [code, steps] of byCode([...byDossier], ([code]) => code)) {
        const dossier = await this.dossiers.findForUpdate(manager, code);
        if (!dossier) throw new LegacyRefusal(`Hồ sơ ${code} không tồn tại`);
        // recorded first: `statusChanged ||= await …` would skip every dossier after the first that changed
        const recorded = await this.steps.recordWithin(manager, dossier, actor, steps.map(toStep));
        statusChanged ||= recorded.statusChanged;
      }
      return statusChanged;
    });
  }

  async lookup(body: unknown): Promise<LegacyAnswer> {
    if (!isRecord(body)) return NOT_A_REQUEST;
    if (body.service !== undefined && body.service !== 'TraCuuHoSo') return legacyRefused(`Sai tên dịch vụ: ${String(body.service)}`);
    if (typeof body.MaHoSo !== 'string' || body.MaHoSo.trim() === '') return legacyRefused('Thiếu trường MaHoSo');
    const dossier = await this.dossiers.findByCode(body.MaHoSo.trim());
    if (!dossier) return legacyRefused(`Không tìm thấy hồ sơ ${body.MaHoSo}`);
    return { error_code: 0, result: toLegacyRecord(dossier, await this.dossiers.reportsOf(this.dataSource.manager, dossier.code)) };
  }

  /** Runs a call in one transaction: success, or the refusal that rolled it back. */
  private async applied(work: (manager: EntityManager) => Promise<unknown>): Promise<LegacyAnswer> {
    try {
      await this.dataSource.transaction(work);
    } catch (error) {
      if (error instanceof LegacyRefusal) return legacyRefused(error.message);
      if (error instanceof ProblemException && error.status < 500) return legacyRefused(`${error.title}: ${error.detail ?? ''}`);
      throw error;
    }
    // whether anything reached the outbox is not worth tracking per path: a wake-up with nothing new is a no-op
    this.outbox.notifyCommitted();
    return LEGACY_SUCCESS;
  }

  private async register(manager: EntityManager, actor: string, record: LegacyDossier, madonvi: string | undefined): Promise<Dossier> {
    const registration = toRegistration(record, madonvi);
    if (!registration.ok) throw new LegacyRefusal(registration.message);
    const { code, input, submittedAt } = registration.value;
    return this.registrations.register(manager, actor, input, code, submittedAt);
  }

  /**
   * The record's TrangThaiHoSo as a report at the date the record gives for it. A record registered past acceptance
   * also reports its acceptance at NgayTiepNhan; later syncs of it do not, since that was reported then.
   */
  private async reportStatusOf(manager: EntityManager, dossier: Dossier, actor: string, record: LegacyDossier, registered: boolean): Promise<void> {
    const value = record.TrangThaiHoSo as number | string | undefined | null;
    if (value === undefined || value === null || value === '') return;
    const reported = readReportedStatus(value, this.config.INTAKE_STATUS_MAPPINGS[actor]);
    const note = typeof record.GhiChu === 'string' ? record.GhiChu : undefined;
    if (reported?.kind === 'status') {
      if (reported.status === DossierStatus.Registered) return;
      const accepted = acceptedAt(record);
      if (registered && accepted && reported.status !== DossierStatus.Accepted && reported.status !== DossierStatus.NotAccepted) {
        await this.lifecycle.reportWithin(manager, dossier, actor, { status: DossierStatus.Accepted, occurredAt: accepted.toISOString() });
      }
      const at = reachedAt(record, reported.status);
      await this.lifecycle.reportWithin(manager, dossier, actor, { status: value, note, ...(at && { occurredAt: at.toISOString() }) });
      return;
    }
    await this.lifecycle.reportWithin(manager, dossier, actor, { status: value, note });
  }
}

/**
 * In the order of their dossier codes, byte by byte (PostgreSQL's COLLATE "C"): calls locking several dossiers at once
 * lock them in one order, so that two never deadlock.
 */
const byCode = <T>(items: T[], codeOf: (item: T) => string): T[] => [...items].sort((a, b) => (codeOf(a) < codeOf(b) ? -1 : codeOf(a) > codeOf(b) ? 1 : 0));

const toStep = (step: LegacyStep) => ({
  handler: step.NguoiXuLy,
  position: step.ChucDanh,
  department: step.PhongBanXuLy,
  content: step.NoiDungXuLy,
  status: step.TrangThai,
  occurredAt: step.ThoiDiemXuLy.toISOString(),
  startedAt: step.NgayBatDau?.toISOString(),
  dueAt: step.NgayKetThucTheoQuyDinh?.toISOString(),
});
