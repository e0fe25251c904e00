import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ClientSystem } from '@lienthong/platform-http';
import { DossierLifecycleService } from './dossier-lifecycle.service';
import { DossierStatusBatchDto } from './status-batch.dto';

/**
 * Status reports of many dossiers in one call, as a province's software gathers them: each report answers as the
 * single route would, its dossier's status and the outcome, or the problem (unknown dossier or status, illegal
 * transition) that refused it alone. A malformed report refuses the whole batch (400).
 */
@Controller('dossier-status-batches')
export class StatusBatchesController {
  constructor(private readonly lifecycle: DossierLifecycleService) {}

  @Post()
  @HttpCode(200)
  async report(@ClientSystem() client: string, @Body() body: DossierStatusBatchDto) {
    const results = await this.lifecycle.reportAll(client, body.reports);
    return {
      items: results.map((r) => ('refusal' in r ? { code: r.code, problem: r.refusal.toProblem() } : { code: r.code, status: r.dossier.status, applied: r.outcome === 'applied', outcome: r.outcome })),
    };
  }
}
