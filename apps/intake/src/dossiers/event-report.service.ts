import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DossierException, DossierProblem } from './dossier.exception';
import { DossierLifecycleService, ReportOutcome } from './dossier-lifecycle.service';
import { DossierRepository } from './dossier.repository';
import { UpdateStatusDto } from './update-status.dto';

/** A report the lifecycle refuses, or of a dossier intake does not hold: what a push would hear as 409, 422 or 404. */
export type EventReportRefusal = 'refused' | 'unknown-dossier';

/** Refusals of a report itself: the same report always gets them, so retrying it or dead-lettering it would change nothing. */
const REFUSALS: ReadonlySet<string> = new Set([DossierProblem.IllegalTransition, DossierProblem.UnknownStatus]);

/**
 * A status report an event carries (a status looked up in a system that cannot push, a fee paid), judged exactly as a
 * push would be. A refused report, or one for a dossier intake does not hold, is logged and answered, not thrown: the
 * event would be refused the same way on every retry.
 */
@Injectable()
export class EventReportService {
  private readonly logger = new Logger('EventReportService');

  constructor(private readonly dossiers: DossierRepository, private readonly lifecycle: DossierLifecycleService) {}

  async report(manager: EntityManager, code: string, actor: string, input: UpdateStatusDto): Promise<ReportOutcome | EventReportRefusal> {
    const dossier = await this.dossiers.findForUpdate(manager, code);
    if (!dossier) {
      this.logger.warn(`status ${JSON.stringify(input.status)} from ${actor} for ${code}, a dossier intake does not hold`);
      return 'unknown-dossier';
    }
    try {
      return await this.lifecycle.reportWithin(manager, dossier, actor, input);
    } catch (error) {
      if (!(error instanceof DossierException && REFUSALS.has(error.slug))) throw error;
      this.logger.warn(`status ${JSON.stringify(input.status)} from ${actor} refused: ${error.detail}`);
      return 'refused';
    }
  }
}
