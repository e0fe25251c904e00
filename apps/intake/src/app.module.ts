import { DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule } from '@lienthong/platform-http';
import { IntakeEnv } from './config';
import { Initial1763900000000 } from './migrations/1763900000000-initial';
import { ProcedureCopy } from './procedures/procedure-copy.entity';
import { ProcedureCopyRepository } from './procedures/procedure-copy.repository';
import { ProcedurePublishedConsumer } from './procedures/procedure-published.consumer';
import { Dossier } from './dossiers/dossier.entity';
import { DossierTimelineEntry } from './dossiers/dossier-timeline-entry.entity';
import { DossierRepository } from './dossiers/dossier.repository';
import { DossierService } from './dossiers/dossier.service';
import { DossiersController } from './dossiers/dossiers.controller';

@Module({})
export class AppModule {
  static register(config: IntakeEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forService({
          name: 'intake',
          config,
          database: { schema: 'intake', entities: [ProcedureCopy, Dossier, DossierTimelineEntry], migrations: [Initial1763900000000] },
        }),
      ],
      controllers: [DossiersController],
      providers: [ProcedureCopyRepository, ProcedurePublishedConsumer, DossierRepository, DossierService],
    };
  }
}
