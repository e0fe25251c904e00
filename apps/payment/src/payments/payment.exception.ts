import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '@lienthong/platform-http';

export enum PaymentProblem {
  NotFound = 'payment-not-found',
}

const PROBLEMS: Record<PaymentProblem, [HttpStatus, string]> = {
  [PaymentProblem.NotFound]: [HttpStatus.NOT_FOUND, 'Payment request not found'],
};

export class PaymentException extends ProblemException {
  constructor(problem: PaymentProblem, detail: string, extensions: Record<string, unknown> = {}) {
    const [status, title] = PROBLEMS[problem];
    super(status, problem, title, detail, extensions);
  }
}
