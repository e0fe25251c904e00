import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { EventContract } from './contract';
import { isDateTime } from './date-time-format';
import { procedurePublishedV1 } from './events/procedure-published.v1';
import { dossierSubmittedV1 } from './events/dossier-submitted.v1';
import { dossierStatusChangedV1 } from './events/dossier-status-changed.v1';
import { dossierOverdueV1 } from './events/dossier-overdue.v1';
import { dossierStatusObservedV1 } from './events/dossier-status-observed.v1';
import { deliveryFailedV1, deliverySucceededV1 } from './events/delivery.v1';
import { notificationSentV1 } from './events/notification-sent.v1';
import { paymentRequestedV1 } from './events/payment-requested.v1';
import { paymentFailedV1, paymentRefundedV1, paymentSucceededV1 } from './events/payment-settled.v1';
import { paymentMismatchFoundV1, paymentReconciledV1 } from './events/payment-reconciled.v1';
import { exchangeRecordedV1 } from './events/exchange-recorded.v1';
import { exchangeRecordsShippedV1 } from './events/exchange-records-shipped.v1';
import { auditAnchoredV1 } from './events/audit-anchored.v1';

/** Every event the backbone publishes. Topics are created from this list at startup. */
export const EVENT_CONTRACTS: readonly EventContract<unknown>[] = [
  procedurePublishedV1,
  dossierSubmittedV1,
  dossierStatusChangedV1,
  dossierOverdueV1,
  dossierStatusObservedV1,
  deliverySucceededV1,
  deliveryFailedV1,
  notificationSentV1,
  paymentRequestedV1,
  paymentSucceededV1,
  paymentFailedV1,
  paymentRefundedV1,
  paymentReconciledV1,
  paymentMismatchFoundV1,
  exchangeRecordedV1,
  exchangeRecordsShippedV1,
  auditAnchoredV1,
] as EventContract<unknown>[];

export const DEAD_LETTER_TOPIC = 'deadletter.v1';

export class PayloadInvalidError extends Error {
  constructor(readonly topic: string, readonly details: string) {
    super(`payload for ${topic} is invalid: ${details}`);
  }
}

const ajv = addFormats(new Ajv({ allErrors: true, strict: false })).addFormat('date-time', isDateTime);
const validators = new Map<string, ValidateFunction>();

const validatorFor = (contract: EventContract<unknown>): ValidateFunction => {
  let validate = validators.get(contract.topic);
  if (!validate) {
    validate = ajv.compile(contract.schema);
    validators.set(contract.topic, validate);
  }
  return validate;
};

/** Throws PayloadInvalidError naming every failing field when the payload breaks the contract. */
export function assertValidPayload<T>(contract: EventContract<T>, payload: unknown): asserts payload is T {
  const validate = validatorFor(contract as EventContract<unknown>);
  if (!validate(payload)) {
    throw new PayloadInvalidError(contract.topic, ajv.errorsText(validate.errors));
  }
}

export const contractForTopic = (topic: string): EventContract<unknown> | undefined =>
  EVENT_CONTRACTS.find((contract) => contract.topic === topic);
