import { DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule } from '@lienthong/platform-http';
import { CatalogueEnv } from './config';
import { Initial1763800000000 } from './migrations/1763800000000-initial';
import { VersionsAndSearch1764700000000 } from './migrations/1764700000000-versions-and-search';
import { Procedure } from './procedures/procedure.entity';
import { ProcedureVersion } from './procedures/procedure-version.entity';
import { ProcedureRepository } from './procedures/procedure.repository';
import { ProcedureImportService } from './procedures/procedure-import.service';
import { ProcedureService } from './procedures/procedure.service';
import { ProcedureSeeder } from './procedures/procedure.seeder';
import { ProceduresController } from './procedures/procedures.controller';

@Module({})
export class AppModule {
  static register(config: CatalogueEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forService({
          name: 'catalogue',
          config,
          database: { schema: 'catalogue', entities: [Procedure, ProcedureVersion], migrations: [Initial1763800000000, VersionsAndSearch1764700000000] },
        }),
      ],
      controllers: [ProceduresController],
      providers: [{ provide: CatalogueEnv, useValue: config }, ProcedureRepository, ProcedureImportService, ProcedureService, ProcedureSeeder],
    };
  }
}
