import { HttpStatus } from '@nestjs/common';
import { problemsOf } from '@lienthong/platform-http';

export enum ProcedureProblem {
  NotFound = 'procedure-not-found',
  MalformedCode = 'malformed-procedure-code',
  NotARecordList = 'not-a-record-list',
  BatchTooLarge = 'import-batch-too-large',
}

const PROBLEMS: Record<ProcedureProblem, [HttpStatus, string]> = {
  [ProcedureProblem.NotFound]: [HttpStatus.NOT_FOUND, 'Procedure not found'],
  [ProcedureProblem.MalformedCode]: [HttpStatus.BAD_REQUEST, 'Malformed procedure code'],
  [ProcedureProblem.NotARecordList]: [HttpStatus.BAD_REQUEST, 'The body is not a list of national procedure records'],
  [ProcedureProblem.BatchTooLarge]: [HttpStatus.PAYLOAD_TOO_LARGE, 'Too many records in one import'],
};

export class ProcedureException extends problemsOf<ProcedureProblem>(PROBLEMS) {}
