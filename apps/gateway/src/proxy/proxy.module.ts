import { Module } from '@nestjs/common';
import { DossiersController } from './dossiers.controller';
import { ProceduresController } from './procedures.controller';
import { SystemServicesController } from './system-services.controller';
import { UpstreamProxy } from './upstream.proxy';

/** The public routes served by forwarding to the service that owns the data, or through the connector to a legacy system. */
@Module({
  controllers: [DossiersController, ProceduresController, SystemServicesController],
  providers: [UpstreamProxy],
  exports: [UpstreamProxy],
})
export class ProxyModule {}
