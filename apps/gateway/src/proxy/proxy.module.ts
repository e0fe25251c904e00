import { Module } from '@nestjs/common';
import { DossiersController } from './dossiers.controller';
import { ProceduresController } from './procedures.controller';
import { UpstreamProxy } from './upstream.proxy';

/** The public routes served by forwarding to the service that owns the data. */
@Module({
  controllers: [DossiersController, ProceduresController],
  providers: [UpstreamProxy],
  exports: [UpstreamProxy],
})
export class ProxyModule {}
