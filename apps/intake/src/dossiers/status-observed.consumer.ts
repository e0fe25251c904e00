import { Injectable, OnModuleInit } from '@nestjs/common';
import { Counter } from 'prom-client';
import { dossierStatusObservedV1 } from '@lienthong/contracts';
import { Messaging } from '@lienthong/platform-kafka';
import { EventReportService } from './event-report.service';

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
  constructor(private readonly messaging: Messaging, private readonly reports: EventReportService) {}

  onModuleInit(): void {
    this.messaging.consumer.on(dossierStatusObservedV1, async ({ data }, manager) => {
      const outcome = await this.reports.report(manager, data.code, data.systemCode, { status: data.status, occurredAt: data.occurredAt });
      observations.inc({ system: data.systemCode, outcome });
    });
  }
}
