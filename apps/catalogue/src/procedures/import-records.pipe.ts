import { Injectable, PipeTransform } from '@nestjs/common';
import { ProcedureException, ProcedureProblem } from './procedure.exception';

export const MAX_IMPORT_BATCH = 500;

/**
 * The body of an import: a list of national records. The records themselves stay untouched (no whitelist),
 * because every field of a national record is kept; each one is judged by the import.
 */
@Injectable()
export class ImportRecordsPipe implements PipeTransform<unknown, unknown[]> {
  transform(body: unknown): unknown[] {
    if (!Array.isArray(body)) {
      throw new ProcedureException(ProcedureProblem.NotARecordList, `send a JSON array of at most ${MAX_IMPORT_BATCH} national procedure records`);
    }
    if (body.length > MAX_IMPORT_BATCH) {
      throw new ProcedureException(ProcedureProblem.BatchTooLarge, `${body.length} records sent; at most ${MAX_IMPORT_BATCH} per import`);
    }
    return body;
  }
}
