import { Controller, Get, Query } from '@nestjs/common';
import { AwaitingProcedureRepository, FeeRequestAwaitingProcedure } from './awaiting-procedure.repository';
import { ListAwaitingDto } from './list-awaiting.dto';

const awaitingView = (r: FeeRequestAwaitingProcedure) => ({ dossierCode: r.dossierCode, procedureCode: r.procedureCode, requestedAt: r.requestedAt.toISOString() });

/**
 * Operators: the fees asked of dossiers (status 6) whose procedure payment does not know yet. Each is billed as soon as
 * procedure.published.v1 brings the procedure's fees; one that waits long points at a procedure the catalogue has not published.
 */
@Controller('fees-awaiting-procedure')
export class AwaitingProcedureController {
  constructor(private readonly awaiting: AwaitingProcedureRepository) {}

  /** Oldest first, optionally of one procedure. */
  @Get()
  async list(@Query() query: ListAwaitingDto) {
    const { page, pageSize } = query;
    const [items, total] = await this.awaiting.findPage(query.procedure, page, pageSize);
    return { items: items.map(awaitingView), page, pageSize, total };
  }
}
