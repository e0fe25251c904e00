import { HttpStatus } from '@nestjs/common';
import type { RefusalReason } from '@lienthong/domain-payment';
import { problemsOf } from '@lienthong/platform-http';

export enum PaymentProblem {
  NotFound = 'payment-not-found',
  UnknownProvider = 'payment-provider-unknown',
  AlreadyPaid = 'payment-already-paid',
  NothingToPay = 'payment-nothing-to-pay',
  ProviderRefused = 'payment-provider-refused',
  ProviderUnavailable = 'payment-provider-unavailable',
  NotAProvider = 'payment-caller-not-a-provider',
  ReportForged = 'payment-report-forged',
  ReportUnknownReference = 'payment-report-unknown-reference',
  ReportMismatch = 'payment-report-mismatch',
  ReportConflicts = 'payment-report-conflicts',
  NotPaid = 'payment-not-paid',
  ReceiptNotReady = 'payment-receipt-not-ready',
  ReconciliationRunning = 'reconciliation-running',
  ReconciliationNotFound = 'reconciliation-not-found',
  AttemptNotFound = 'payment-attempt-not-found',
  RefundRefused = 'payment-refund-refused',
}

const PROBLEMS: Record<PaymentProblem, [HttpStatus, string]> = {
  [PaymentProblem.NotFound]: [HttpStatus.NOT_FOUND, 'Payment request not found'],
  [PaymentProblem.UnknownProvider]: [HttpStatus.UNPROCESSABLE_ENTITY, 'No such payment provider'],
  [PaymentProblem.AlreadyPaid]: [HttpStatus.CONFLICT, 'The fee is paid already'],
  [PaymentProblem.NothingToPay]: [HttpStatus.CONFLICT, 'The fee is nothing to pay online'],
  [PaymentProblem.ProviderRefused]: [HttpStatus.BAD_GATEWAY, 'The payment provider refused the payment'],
  [PaymentProblem.ProviderUnavailable]: [HttpStatus.GATEWAY_TIMEOUT, 'The payment provider did not answer'],
  [PaymentProblem.NotAProvider]: [HttpStatus.FORBIDDEN, 'The calling system is no payment provider'],
  [PaymentProblem.ReportForged]: [HttpStatus.UNPROCESSABLE_ENTITY, 'The report is not signed by the provider'],
  [PaymentProblem.ReportUnknownReference]: [HttpStatus.NOT_FOUND, 'No payment attempt of the provider has this reference'],
  [PaymentProblem.ReportMismatch]: [HttpStatus.UNPROCESSABLE_ENTITY, 'The report does not match the payment attempt'],
  [PaymentProblem.ReportConflicts]: [HttpStatus.CONFLICT, 'The report contradicts the outcome already known'],
  [PaymentProblem.NotPaid]: [HttpStatus.NOT_FOUND, 'The fee is not paid: there is no receipt'],
  [PaymentProblem.ReceiptNotReady]: [HttpStatus.NOT_FOUND, 'The receipt has not come from the provider yet'],
  [PaymentProblem.ReconciliationRunning]: [HttpStatus.CONFLICT, 'The day is being reconciled'],
  [PaymentProblem.ReconciliationNotFound]: [HttpStatus.NOT_FOUND, 'No such reconciliation'],
  [PaymentProblem.AttemptNotFound]: [HttpStatus.NOT_FOUND, 'No such payment attempt'],
  [PaymentProblem.RefundRefused]: [HttpStatus.CONFLICT, 'The refund is not possible'],
};

/** How each refusal of a provider's report is answered. */
export const REFUSAL_PROBLEMS: Record<RefusalReason, PaymentProblem> = {
  forged: PaymentProblem.ReportForged,
  'unknown-reference': PaymentProblem.ReportUnknownReference,
  'partner-mismatch': PaymentProblem.ReportMismatch,
  'currency-mismatch': PaymentProblem.ReportMismatch,
  'amount-mismatch': PaymentProblem.ReportMismatch,
  'conflicts-with-outcome': PaymentProblem.ReportConflicts,
};

export class PaymentException extends problemsOf<PaymentProblem>(PROBLEMS) {}
