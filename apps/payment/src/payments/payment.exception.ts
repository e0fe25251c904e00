import { HttpStatus } from '@nestjs/common';
import { problemsOf } from '@lienthong/platform-http';

export enum PaymentProblem {
  NotFound = 'payment-not-found',
}

const PROBLEMS: Record<PaymentProblem, [HttpStatus, string]> = {
  [PaymentProblem.NotFound]: [HttpStatus.NOT_FOUND, 'Payment request not found'],
};

export class PaymentException extends problemsOf<PaymentProblem>(PROBLEMS) {}
