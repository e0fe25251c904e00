import { HttpStatus } from '@nestjs/common';
import { problemsOf } from '@lienthong/platform-http';

export enum OneStopProblem {
  UnknownProvince = 'unknown-province',
  Unavailable = 'one-stop-unavailable',
  UnknownDossier = 'unknown-dossier',
}

const PROBLEMS: Record<OneStopProblem, [HttpStatus, string]> = {
  [OneStopProblem.UnknownProvince]: [HttpStatus.NOT_FOUND, 'No simulated one-stop system for this province'],
  [OneStopProblem.Unavailable]: [HttpStatus.SERVICE_UNAVAILABLE, 'The one-stop system is unavailable'],
  [OneStopProblem.UnknownDossier]: [HttpStatus.NOT_FOUND, 'The one-stop system holds no such dossier'],
};

export class OneStopException extends problemsOf<OneStopProblem>(PROBLEMS) {}
