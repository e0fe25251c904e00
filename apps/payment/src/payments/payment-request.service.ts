import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { DossierStatusChangedV1, paymentRequestedV1 } from '@lienthong/contracts';
import { DossierStatus } from '@lienthong/domain-dossier';
import { Outbox } from '@lienthong/platform-kafka';
import { ProcedureFeesRepository } from '../procedures/procedure-fees.repository';
import { onlineBill } from './online-bill';
import { PaymentRequest } from './payment-request.entity';
import { PaymentRequestRepository } from './payment-request.repository';
import { PaymentException, PaymentProblem } from './payment.exception';
import { ProcedureNotKnownError } from './procedure-not-known.error';

/** Status 6 (financial obligation requested) bills the dossier; every other status changes nothing here. */
export const billsTheDossier = (change: DossierStatusChangedV1): boolean => change.status === DossierStatus.PaymentRequested;

@Injectable()
export class PaymentRequestService {
  constructor(
    private readonly requests: PaymentRequestRepository,
    private readonly procedures: ProcedureFeesRepository,
    private readonly outbox: Outbox,
  ) {}

  /** Bills the dossier of a status change that asks for its fee (billsTheDossier); any other changes nothing. */
  async onStatusChanged(event: DossierStatusChangedV1, manager: EntityManager, eventId: string): Promise<void> {
    if (!billsTheDossier(event)) return;
    const procedure = await this.procedures.findByCode(manager, event.procedureCode);
    if (!procedure) throw new ProcedureNotKnownError(event.procedureCode, event.code);
    const request = Object.assign(new PaymentRequest(), {
      id: randomUUID(),
      sourceEventId: eventId,
      dossierCode: event.code,
      procedureCode: procedure.code,
      ...onlineBill(procedure.fees),
      currency: 'VND',
      status: 'requested',
      requestedAt: new Date(),
    });
    // the unique source event backs the inbox up: a redelivered event never bills twice
    if (!(await this.requests.insertOnce(manager, request))) return;
    await this.outbox.add(manager, paymentRequestedV1, request.dossierCode, {
      paymentId: request.id,
      dossierCode: request.dossierCode,
      procedureCode: request.procedureCode,
      amount: request.amount,
      currency: request.currency,
      feeLines: request.feeLines,
      requestedAt: request.requestedAt.toISOString(),
    });
  }

  async find(id: string): Promise<PaymentRequest> {
    const request = await this.requests.findById(id);
    if (!request) throw new PaymentException(PaymentProblem.NotFound, `no payment request ${id}`);
    return request;
  }

  list(dossierCode: string | undefined, page: number, pageSize: number): Promise<[PaymentRequest[], number]> {
    return this.requests.findPage(dossierCode, page, pageSize);
  }
}
