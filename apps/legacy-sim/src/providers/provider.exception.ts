import { HttpStatus } from '@nestjs/common';
import { problemsOf } from '@lienthong/platform-http';

export enum ProviderProblem {
  UnknownProvider = 'unknown-payment-provider',
  UnknownTransaction = 'unknown-transaction',
  TransactionSettled = 'transaction-settled',
}

const PROBLEMS: Record<ProviderProblem, [HttpStatus, string]> = {
  [ProviderProblem.UnknownProvider]: [HttpStatus.NOT_FOUND, 'No simulated payment provider has this code'],
  [ProviderProblem.UnknownTransaction]: [HttpStatus.NOT_FOUND, 'The provider holds no such transaction'],
  [ProviderProblem.TransactionSettled]: [HttpStatus.CONFLICT, 'The transaction is settled already'],
};

export class ProviderException extends problemsOf<ProviderProblem>(PROBLEMS) {}
