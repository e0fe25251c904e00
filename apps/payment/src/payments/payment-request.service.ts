import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { DossierStatusChangedV1, paymentRequestedV1, ProcedurePublishedV1 } from '@lienthong/contracts';
import { DossierStatus } from '@lienthong/domain-dossier';
import { Outbox } from '@lienthong/platform-kafka';
import { ProcedureFees } from '../procedures/procedure-fees.entity';
import { ProcedureFeesRepository } from '../procedures/procedure-fees.repository';
import { AwaitingProcedureRepository, FeeRequestAwaitingProcedure } from './awaiting-procedure.repository';
import { onlineBill } from './online-bill';
import { PaymentRequest } from './payment-request.entity';
import { PaymentRequestRepository } from './payment-request.repository';
import { PaymentException, PaymentProblem } from './payment.exception';

/** Status 6 (financial obligation requested) bills the dossier; every other status changes nothing here. */
export const billsTheDossier = (change: DossierStatusChangedV1): boolean => change.status === DossierStatus.PaymentRequested;

@Injectable()
export class PaymentRequestService {
  private readonly logger = new Logger(PaymentRequestService.name);

  constructor(
    private readonly requests: PaymentRequestRepository,
    private readonly procedures: ProcedureFeesRepository,
    private readonly awaiting: AwaitingProcedureRepository,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Bills the dossier of a status change that asks for its fee (billsTheDossier); any other changes nothing.
   * The procedure's fees come on another topic and may arrive later (a procedure published moments before, a
   * fresh deployment): the request then waits in the database for them, neither retried nor dead-lettered.
   */
  async onStatusChanged(event: DossierStatusChangedV1, manager: EntityManager, eventId: string): Promise<void> {
    if (!billsTheDossier(event)) return;
    const asked = { sourceEventId: eventId, dossierCode: event.code, procedureCode: event.procedureCode, requestedAt: new Date() };
    const procedure = await this.knownProcedure(manager, event.procedureCode);
    if (procedure) return this.bill(manager, procedure, asked);
    this.logger.warn(`the fee of dossier ${event.code} waits for procedure ${event.procedureCode}, not yet published to payment`);
    await this.awaiting.hold(manager, asked);
  }

  /** Keeps the procedure's fees and bills every dossier that waited for them. */
  async onProcedurePublished(published: ProcedurePublishedV1, manager: EntityManager): Promise<void> {
    await this.procedures.lock(manager, published.code);
    await this.procedures.upsertNewer(manager, published);
    const waiting = await this.awaiting.takeAll(manager, published.code);
    if (waiting.length === 0) return;
    const procedure = (await this.procedures.findByCode(manager, published.code)) as ProcedureFees;
    for (const asked of waiting) await this.bill(manager, procedure, asked);
  }

  /**
   * The procedure's fees, or null once no publication of it can be under way: a status change that finds none
   * looks again under the procedure's lock, which onProcedurePublished holds from before its upsert to its commit, so a
   * request is either billed here or held where that publication will find it.
   */
  private async knownProcedure(manager: EntityManager, code: string): Promise<ProcedureFees | null> {
    const procedure = await this.procedures.findByCode(manager, code);
    if (procedure) return procedure;
    await this.procedures.lock(manager, code);
    return this.procedures.findByCode(manager, code);
  }

  private async bill(manager: EntityManager, procedure: ProcedureFees, asked: FeeRequestAwaitingProcedure): Promise<void> {
    const request = Object.assign(new PaymentRequest(), {
      id: randomUUID(),
      sourceEventId: asked.sourceEventId,
      dossierCode: asked.dossierCode,
      procedureCode: procedure.code,
      ...onlineBill(procedure.fees),
      currency: 'VND',
      status: 'requested',
      requestedAt: asked.requestedAt,
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
