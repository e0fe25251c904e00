import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Counter } from 'prom-client';
import type { EntityManager } from 'typeorm';
import { DossierStatusObservedV1, dossierStatusObservedV1 } from '@lienthong/contracts';
import { Messaging } from '@lienthong/platform-kafka';
import { DossierException, DossierProblem } from './dossier.exception';
import { DossierLifecycleService, ReportOutcome } from './dossier-lifecycle.service';
import { DossierRepository } from './dossier.repository';

/** A report the lifecycle refuses, or of a dossier intake does not hold: what a push would hear as 409, 422 or 404. */
type Refusal = 'refused' | 'unknown-dossier';

/** Refusals of a report itself: the same report always gets them, so retrying it or dead-lettering it would change nothing. */
const REFUSALS: ReadonlySet<string> = new Set([DossierProblem.IllegalTransition, DossierProblem.UnknownStatus]);

/** Per system and outcome: how the statuses looked up in pull-mode systems fared, refusals included, on /metrics. */
const observations = new Counter({
  name: 'lienthong_status_observations_total',
  help: 'Statuses observed in systems that cannot push them, by what the dossier lifecycle made of them',
  labelNames: ['system', 'outcome'],
});

/**
 * A status the connector looked up in a system that cannot push is that system's report, judged exactly as its push
 * would be (its status mapping, the same lifecycle). A refused report is logged and counted, not retried: the
 * connector sends the status again only when the system's answer changes.
 */
@Injectable()
export class StatusObservedConsumer implements OnModuleInit {
  private readonly logger = new Logger('StatusObservedConsumer');

  constructor(
    private readonly messaging: Messaging,
    private readonly dossiers: DossierRepository,
    private readonly lifecycle: DossierLifecycleService,
  ) {}

  onModuleInit(): void {
    this.messaging.consumer.on(dossierStatusObservedV1, async (event, manager) => {
      const outcome = await this.report(manager, event.data);
      observations.inc({ system: event.data.systemCode, outcome });
    });
  }

  private async report(manager: EntityManager, observed: DossierStatusObservedV1): Promise<ReportOutcome | Refusal> {
    const { code, systemCode, status, occurredAt } = observed;
    const dossier = await this.dossiers.findForUpdate(manager, code);
    if (!dossier) {
      this.logger.warn(`status ${JSON.stringify(status)} observed in ${systemCode} for ${code}, a dossier intake does not hold`);
      return 'unknown-dossier';
    }
    try {
      return await this.lifecycle.reportWithin(manager, dossier, systemCode, { status, occurredAt });
    } catch (error) {
      if (!(error instanceof DossierException && REFUSALS.has(error.slug))) throw error;
      this.logger.warn(`status ${JSON.stringify(status)} observed in ${systemCode} refused: ${error.detail}`);
      return 'refused';
    }
  }
}
