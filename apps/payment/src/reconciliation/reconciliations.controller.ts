import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { PaymentException, PaymentProblem } from '../payments/payment.exception';
import { ListMismatchesDto, ListReconciliationsDto, ReconcileDto } from './reconciliation.dto';
import { ReconciliationRepository } from './reconciliation.repository';
import { ReconciliationService } from './reconciliation.service';
import { reconciliationView } from './reconciliation.view';

/** Operators: each provider's days reconciled against its statement, and every payment they disagreed on. */
@Controller('reconciliations')
export class ReconciliationsController {
  constructor(private readonly reconciliation: ReconciliationService, private readonly runs: ReconciliationRepository) {}

  /** Reconciles a provider's day now (again, if it was before). */
  @Post()
  async reconcile(@Body() body: ReconcileDto) {
    return reconciliationView(await this.reconciliation.reconcileCode(body.provider, body.date));
  }

  @Get()
  async list(@Query() query: ListReconciliationsDto) {
    const { page, pageSize } = query;
    const [items, total] = await this.runs.findPage({ provider: query.provider, day: query.date }, page, pageSize);
    return { items: items.map(reconciliationView), page, pageSize, total };
  }

  @Get(':id')
  async find(@Param('id', ParseUUIDPipe) id: string) {
    return reconciliationView(await this.found(id));
  }

  @Get(':id/mismatches')
  async mismatches(@Param('id', ParseUUIDPipe) id: string, @Query() query: ListMismatchesDto) {
    await this.found(id);
    const { page, pageSize } = query;
    const [items, total] = await this.runs.mismatchesOf(id, query.kind, page, pageSize);
    return { items, page, pageSize, total };
  }

  private async found(id: string) {
    const run = await this.runs.findById(id);
    if (!run) throw new PaymentException(PaymentProblem.ReconciliationNotFound, `no reconciliation ${id}`);
    return run;
  }
}
