import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { sendProblem } from '@lienthong/platform-http';
import { FaultSwitch } from './fault.switch';
import { OneStopException, OneStopProblem } from './one-stop.exception';

/**
 * Applies the province's switched-on fault to each one-stop call before it is handled. A middleware
 * rather than a thrown exception: a simulated outage is the expected answer, not an error to log.
 */
@Injectable()
export class FaultMiddleware implements NestMiddleware {
  constructor(private readonly faults: FaultSwitch) {}

  use(req: Request<{ province: string }>, res: Response, next: NextFunction): void {
    const { province } = req.params;
    const verdict = this.faults.next(province);
    if (verdict.kind === 'unavailable') {
      sendProblem(res, new OneStopException(OneStopProblem.Unavailable, `the one-stop system of ${province} is down (simulated fault)`).toProblem(req.originalUrl));
    } else if (verdict.kind === 'delay') {
      setTimeout(next, verdict.ms);
    } else {
      next();
    }
  }
}
