import { HttpStatus } from '@nestjs/common';
import { problemsOf } from '@lienthong/platform-http';

export enum IdempotencyProblem {
  MalformedKey = 'idempotency-key-malformed',
  KeyReused = 'idempotency-key-reused',
  KeyInFlight = 'idempotency-key-in-flight',
  StoreUnavailable = 'idempotency-store-unavailable',
}

const PROBLEMS: Record<IdempotencyProblem, [HttpStatus, string]> = {
  [IdempotencyProblem.MalformedKey]: [HttpStatus.BAD_REQUEST, 'The Idempotency-Key header is malformed'],
  [IdempotencyProblem.KeyReused]: [HttpStatus.UNPROCESSABLE_ENTITY, 'The Idempotency-Key was already used for another request'],
  [IdempotencyProblem.KeyInFlight]: [HttpStatus.CONFLICT, 'A request with this Idempotency-Key is still being processed'],
  [IdempotencyProblem.StoreUnavailable]: [HttpStatus.SERVICE_UNAVAILABLE, 'Idempotency keys cannot be checked right now'],
};

export class IdempotencyException extends problemsOf<IdempotencyProblem>(PROBLEMS) {}
