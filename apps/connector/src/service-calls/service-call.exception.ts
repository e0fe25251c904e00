import { HttpStatus } from '@nestjs/common';
import { problemsOf } from '@lienthong/platform-http';

export enum ServiceCallProblem {
  UnknownSystem = 'unknown-legacy-system',
  UnknownService = 'unknown-service',
  InvalidCall = 'invalid-service-call',
  Unavailable = 'legacy-system-unavailable',
  CircuitOpen = 'legacy-system-circuit-open',
  Timeout = 'legacy-system-timeout',
}

const PROBLEMS: Record<ServiceCallProblem, [HttpStatus, string]> = {
  [ServiceCallProblem.UnknownSystem]: [HttpStatus.NOT_FOUND, 'No such legacy system is connected'],
  [ServiceCallProblem.UnknownService]: [HttpStatus.NOT_FOUND, 'The legacy system offers no such service'],
  [ServiceCallProblem.InvalidCall]: [HttpStatus.BAD_REQUEST, 'The call does not fit the service'],
  [ServiceCallProblem.Unavailable]: [HttpStatus.BAD_GATEWAY, 'The legacy system could not answer'],
  [ServiceCallProblem.CircuitOpen]: [HttpStatus.SERVICE_UNAVAILABLE, 'The legacy system is failing: calls to it are paused'],
  [ServiceCallProblem.Timeout]: [HttpStatus.GATEWAY_TIMEOUT, 'The legacy system did not answer in time'],
};

export class ServiceCallException extends problemsOf<ServiceCallProblem>(PROBLEMS) {}
