import { HttpStatus } from '@nestjs/common';
import { problemsOf } from '@lienthong/platform-http';

export enum ExchangeProblem {
  InvalidTimeRange = 'invalid-time-range',
}

const PROBLEMS: Record<ExchangeProblem, [HttpStatus, string]> = {
  [ExchangeProblem.InvalidTimeRange]: [HttpStatus.BAD_REQUEST, 'The time range is invalid'],
};

export class ExchangeException extends problemsOf<ExchangeProblem>(PROBLEMS) {}
