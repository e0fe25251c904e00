import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { dossierSubmittedV1, DossierSubmittedV1 } from '@lienthong/contracts';
import { DossierStatus, formatDossierCode, isProvinceCode, ownerOfAgency, vietnamDay } from '@lienthong/domain-dossier';
import { normaliseProcedureCode } from '@lienthong/domain-procedure';
import { isUniqueViolation } from '@lienthong/platform-database';
import { Outbox } from '@lienthong/platform-kafka';
import { ProcedureCopy } from '../procedures/procedure-copy.entity';
import { ProcedureCopyRepository } from '../procedures/procedure-copy.repository';
import { Dossier } from './dossier.entity';
import { DossierException, DossierProblem } from './dossier.exception';
import { DossierRepository } from './dossier.repository';
import { SubmitDossierDto } from './submit-dossier.dto';

/** KenhThucHien → the procedure's submission method. */
const SUBMISSION_METHOD_OF_CHANNEL = { 1: 'DIRECT', 2: 'ONLINE', 3: 'POSTAL' } as const;
const ID_LENGTH_OF_TYPE = { 1: 12, 2: 9 } as const;

export interface SubmissionResult {
  dossier: Dossier;
  /** false when the same partner reference was submitted before: the earlier dossier is returned. */
  created: boolean;
}

@Injectable()
export class DossierService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly dossiers: DossierRepository,
    private readonly procedures: ProcedureCopyRepository,
    private readonly outbox: Outbox,
  ) {}

  async submit(sourceSystem: string, input: SubmitDossierDto): Promise<SubmissionResult> {
    const earlier = await this.dossiers.findByPartnerReference(sourceSystem, input.partnerReference);
    if (earlier) return { dossier: earlier, created: false };
    const checked = await this.checked(input);
    try {
      const dossier = await this.dataSource.transaction(async (manager) => {
        const now = new Date();
        const day = vietnamDay(now);
        const sequence = await this.dossiers.nextSequence(manager, input.agencyCode, day);
        if (sequence > 9999) throw new DossierException(DossierProblem.DailySequenceExhausted, `agency ${input.agencyCode} has used all 9999 codes of ${day}`);
        return this.store(manager, sourceSystem, input, checked, formatDossierCode({ agencyCode: input.agencyCode, day, sequence }), now);
      });
      this.outbox.notifyCommitted();
      return { dossier, created: true };
    } catch (error) {
      // the same partner reference submitted concurrently: the other request created it
      if (isUniqueViolation(error, 'dossiers_partner_reference_key')) {
        const winner = await this.dossiers.findByPartnerReference(sourceSystem, input.partnerReference);
        if (winner) return { dossier: winner, created: false };
      }
      throw error;
    }
  }

  /**
   * A dossier a province's own software registered under its own code (at the counter, say) and syncs to the
   * backbone, within the caller's transaction; the caller notifies the outbox.
   */
  async register(manager: EntityManager, sourceSystem: string, input: SubmitDossierDto, code: string, submittedAt: Date): Promise<Dossier> {
    return this.store(manager, sourceSystem, input, await this.checked(input, manager), code, submittedAt);
  }

  private async checked(input: SubmitDossierDto, manager?: EntityManager): Promise<{ procedure: ProcedureCopy; provinceCode: string }> {
    const procedure = await this.validProcedure(input, manager);
    const provinceCode = this.validProvince(input.agencyCode);
    if (input.applicant.idNumber.length !== ID_LENGTH_OF_TYPE[input.applicant.idType]) {
      throw new DossierException(DossierProblem.IdNumberMismatch, `idType ${input.applicant.idType} needs ${ID_LENGTH_OF_TYPE[input.applicant.idType]} digits`);
    }
    return { procedure, provinceCode };
  }

  private async store(
    manager: EntityManager,
    sourceSystem: string,
    input: SubmitDossierDto,
    { procedure, provinceCode }: { procedure: ProcedureCopy; provinceCode: string },
    code: string,
    submittedAt: Date,
  ): Promise<Dossier> {
    const created = Object.assign(new Dossier(), {
      code,
      sourceSystem,
      partnerReference: input.partnerReference,
      procedureCode: procedure.code,
      procedureName: procedure.name,
      caseCode: input.caseCode ?? null,
      agencyCode: input.agencyCode,
      provinceCode,
      channel: input.channel,
      applicant: { ...input.applicant },
      contact: { ...input.contact },
      summary: input.summary,
      status: DossierStatus.Registered,
      submittedAt,
      updatedAt: new Date(),
      clockStartedAt: null,
      dueAt: null,
      overdueAt: null,
    });
    await this.dossiers.insert(manager, created, { kind: 'submitted', actor: sourceSystem, occurredAt: submittedAt });
    await this.outbox.add(manager, dossierSubmittedV1, code, submittedEvent(created));
    return created;
  }

  async find(code: string) {
    const dossier = await this.dossiers.findByCode(code);
    if (!dossier) throw new DossierException(DossierProblem.NotFound, `no dossier ${code}`);
    return { dossier, timeline: await this.dossiers.timelineOf(code) };
  }

  private async validProcedure(input: SubmitDossierDto, manager?: EntityManager): Promise<ProcedureCopy> {
    const code = normaliseProcedureCode(input.procedureCode);
    const procedure = code ? await this.procedures.findByCode(code, manager) : null;
    if (!procedure) throw new DossierException(DossierProblem.UnknownProcedure, `procedure ${input.procedureCode} is not in the catalogue`);
    if (input.caseCode && !procedure.cases.some((c) => c.code === input.caseCode)) {
      throw new DossierException(DossierProblem.UnknownCase, `procedure ${procedure.code} has no case ${input.caseCode}`, {
        cases: procedure.cases.map((c) => c.code),
      });
    }
    const method = SUBMISSION_METHOD_OF_CHANNEL[input.channel];
    if (!procedure.submissionMethods.includes(method)) {
      throw new DossierException(DossierProblem.ChannelNotOffered, `procedure ${procedure.code} is not offered ${method}`, { offered: procedure.submissionMethods });
    }
    return procedure;
  }

  private validProvince(agencyCode: string): string {
    const owner = ownerOfAgency(agencyCode);
    if (!owner || !isProvinceCode(owner)) {
      throw new DossierException(DossierProblem.UnknownAgency, `${agencyCode} is not an agency of one of the 34 provinces (e.g. 000.00.06.H56)`);
    }
    return owner;
  }
}

const submittedEvent = (d: Dossier): DossierSubmittedV1 => ({
  code: d.code,
  partnerReference: d.partnerReference,
  sourceSystem: d.sourceSystem,
  procedureCode: d.procedureCode,
  procedureName: d.procedureName,
  caseCode: d.caseCode,
  agencyCode: d.agencyCode,
  provinceCode: d.provinceCode,
  channel: d.channel,
  applicant: d.applicant,
  contact: d.contact,
  summary: d.summary,
  status: d.status,
  submittedAt: d.submittedAt.toISOString(),
});
