import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Outbox } from '@lienthong/platform-kafka';
import { Dossier } from './dossier.entity';
import { DossierException, DossierProblem } from './dossier.exception';
import { DossierRepository } from './dossier.repository';
import { DossierLifecycleService } from './dossier-lifecycle.service';
import { ProcessingStepRepository } from './processing-step.repository';
import { ProcessingStepDto } from './record-steps.dto';

export interface StepsResult {
  dossier: Dossier;
  recorded: number;
  /** Steps stored before: chunks are retried, and one-stop systems send their whole log again. */
  duplicates: number;
}

const contentHashOf = (step: ProcessingStepDto) => createHash('sha256').update(JSON.stringify([step.content, step.position ?? null, step.department ?? null, step.status ?? null])).digest('hex');
const dateOrNull = (text: string | undefined) => (text ? new Date(text) : null);

/**
 * Processing steps of a dossier. A step that names the dossier's status after it is also a status report at the
 * step's instant, judged as every report is; a refused one refuses the whole chunk, so a chunk is stored whole or not at all.
 */
@Injectable()
export class ProcessingStepsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly dossiers: DossierRepository,
    private readonly steps: ProcessingStepRepository,
    private readonly lifecycle: DossierLifecycleService,
    private readonly outbox: Outbox,
  ) {}

  async record(actor: string, code: string, steps: ProcessingStepDto[]): Promise<StepsResult> {
    const result = await this.dataSource.transaction(async (manager) => {
      const dossier = await this.dossiers.findForUpdate(manager, code);
      if (!dossier) throw new DossierException(DossierProblem.NotFound, `no dossier ${code}`);
      return { dossier, ...(await this.recordWithin(manager, dossier, actor, steps)) };
    });
    if (result.statusChanged) this.outbox.notifyCommitted();
    return { dossier: result.dossier, recorded: result.recorded, duplicates: result.duplicates };
  }

  /** Records steps of a dossier locked by the caller's transaction; the caller notifies the outbox when the status changed. */
  async recordWithin(manager: EntityManager, dossier: Dossier, actor: string, steps: ProcessingStepDto[]): Promise<Omit<StepsResult, 'dossier'> & { statusChanged: boolean }> {
    let [recorded, statusChanged] = [0, false];
    for (const step of [...steps].sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt))) {
      const occurredAt = new Date(step.occurredAt);
      const isNew = await this.steps.insertIfNew(manager, {
        dossierCode: dossier.code,
        handler: step.handler,
        position: step.position ?? null,
        department: step.department ?? null,
        content: step.content,
        status: step.status === undefined ? null : String(step.status),
        occurredAt,
        startedAt: dateOrNull(step.startedAt),
        dueAt: dateOrNull(step.dueAt),
        actor,
        contentHash: contentHashOf(step),
      });
      if (!isNew) continue;
      recorded += 1;
      await this.dossiers.addToTimeline(manager, { dossierCode: dossier.code, kind: 'step', status: dossier.status, note: step.content, detail: step.handler, actor, occurredAt });
      if (step.status !== undefined) {
        const outcome = await this.lifecycle.reportWithin(manager, dossier, actor, { status: step.status, occurredAt: step.occurredAt, note: step.content });
        statusChanged ||= outcome === 'applied';
      }
    }
    return { recorded, duplicates: steps.length - recorded, statusChanged };
  }
}
