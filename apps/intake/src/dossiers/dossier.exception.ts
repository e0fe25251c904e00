import { HttpStatus } from '@nestjs/common';
import { problemsOf } from '@lienthong/platform-http';

export enum DossierProblem {
  UnknownProcedure = 'unknown-procedure',
  UnknownCase = 'unknown-case',
  UnknownAgency = 'unknown-agency',
  ChannelNotOffered = 'channel-not-offered',
  IdNumberMismatch = 'id-number-mismatch',
  NotFound = 'dossier-not-found',
  IllegalTransition = 'illegal-transition',
  UnknownStatus = 'unknown-status',
  DailySequenceExhausted = 'daily-sequence-exhausted',
}

const PROBLEMS: Record<DossierProblem, [HttpStatus, string]> = {
  [DossierProblem.UnknownProcedure]: [HttpStatus.UNPROCESSABLE_ENTITY, 'Unknown procedure'],
  [DossierProblem.UnknownCase]: [HttpStatus.UNPROCESSABLE_ENTITY, 'Unknown case of the procedure'],
  [DossierProblem.UnknownAgency]: [HttpStatus.UNPROCESSABLE_ENTITY, 'Unknown competent agency'],
  [DossierProblem.ChannelNotOffered]: [HttpStatus.UNPROCESSABLE_ENTITY, 'The procedure is not offered through this channel'],
  [DossierProblem.IdNumberMismatch]: [HttpStatus.UNPROCESSABLE_ENTITY, 'The id number does not match its type'],
  [DossierProblem.NotFound]: [HttpStatus.NOT_FOUND, 'Dossier not found'],
  [DossierProblem.IllegalTransition]: [HttpStatus.CONFLICT, 'Illegal status transition'],
  [DossierProblem.UnknownStatus]: [HttpStatus.UNPROCESSABLE_ENTITY, 'Unknown dossier status'],
  [DossierProblem.DailySequenceExhausted]: [HttpStatus.SERVICE_UNAVAILABLE, 'Daily dossier sequence exhausted for the agency'],
};

export class DossierException extends problemsOf<DossierProblem>(PROBLEMS) {}
