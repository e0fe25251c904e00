import { Module } from '@nestjs/common';
import { OperatorRegistryController } from './operator-registry.controller';
import { OperatorRegistryService } from './operator-registry.service';

/** The operators' API on the registry (the repository and the demo seeder are wired with access). */
@Module({
  controllers: [OperatorRegistryController],
  providers: [OperatorRegistryService],
})
export class RegistryModule {}
