import { DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule } from '@lienthong/platform-http';
import { IntakeEnv } from './config';
import { Initial1763900000000 } from './migrations/1763900000000-initial';
import { Lifecycle1764700000000 } from './migrations/1764700000000-lifecycle';
import { ProcedureCopy } from './procedures/procedure-copy.entity';
import { ProcedureCopyRepository } from './procedures/procedure-copy.repository';
import { ProcedurePublishedConsumer } from './procedures/procedure-published.consumer';
import { Dossier } from './dossiers/dossier.entity';
import { DossierTimelineEntry } from './dossiers/dossier-timeline-entry.entity';
import { DossierRepository } from './dossiers/dossier.repository';
import { DossierService } from './dossiers/dossier.service';
import { DossierLifecycleService } from './dossiers/dossier-lifecycle.service';
import { DueDates } from './dossiers/due-date';
import { OverdueSweeper } from './dossiers/overdue.sweeper';
import { EventReportService } from './dossiers/event-report.service';
import { PaymentSucceededConsumer } from './dossiers/payment-succeeded.consumer';
import { StatusObservedConsumer } from './dossiers/status-observed.consumer';
import { StatusReportRecord } from './dossiers/status-report.entity';
import { ProcessingStep } from './dossiers/processing-step.entity';
import { ProcessingStepRepository } from './dossiers/processing-step.repository';
import { ProcessingStepsService } from './dossiers/processing-steps.service';
import { DossiersController } from './dossiers/dossiers.controller';
import { StatusBatchesController } from './dossiers/status-batches.controller';
import { DvcqgCompatController } from './compat/dvcqg-compat.controller';
import { DvcqgCompatService } from './compat/dvcqg-compat.service';
import { JourneyEventsConsumer } from './journey/journey-events.consumer';
import { JourneyRepository } from './journey/journey.repository';

@Module({})
export class AppModule {
  static register(config: IntakeEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forService({
          name: 'intake',
          config,
          database: { schema: 'intake', entities: [ProcedureCopy, Dossier, DossierTimelineEntry, StatusReportRecord, ProcessingStep], migrations: [Initial1763900000000, Lifecycle1764700000000] },
        }),
      ],
      controllers: [DossiersController, StatusBatchesController, DvcqgCompatController],
      providers: [
        { provide: IntakeEnv, useValue: config },
        ProcedureCopyRepository,
        ProcedurePublishedConsumer,
        DossierRepository,
        DossierService,
        DossierLifecycleService,
        ProcessingStepRepository,
        ProcessingStepsService,
        DueDates,
        OverdueSweeper,
        EventReportService,
        StatusObservedConsumer,
        PaymentSucceededConsumer,
        DvcqgCompatService,
        JourneyRepository,
        JourneyEventsConsumer,
      ],
    };
  }
}
