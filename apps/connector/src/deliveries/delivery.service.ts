import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { deliveryFailedV1, deliverySucceededV1, DossierSubmittedV1 } from '@lienthong/contracts';
import { oneStopSystemOf } from '@lienthong/domain-registry';
import { Outbox } from '@lienthong/platform-kafka';
import { AdapterRegistry } from '../adapters/adapter-registry';
import { ConnectorEnv } from '../config';
import { StatusPollService } from '../status-polls/status-poll.service';
import { ConnectedSystem } from '../systems/connected-system.entity';
import { SystemRepository } from '../systems/system.repository';
import { afterFailure, RetryPolicy } from './delivery-policy';
import { Delivery } from './delivery.entity';
import { DeliveryException, DeliveryProblem } from './delivery.exception';
import { deliveryAttempts } from './delivery.metrics';
import { DeliveryFilter, DeliveryRepository, NewDelivery } from './delivery.repository';

/** Deliveries claimed per unit of work, their calls made at once: few enough that their locks and HTTP calls stay short. */
export const DELIVERY_BATCH_SIZE = 16;

type Outcome = { ok: true } | { ok: false; error: string };

@Injectable()
export class DeliveryService {
  private readonly logger = new Logger('DeliveryService');
  private readonly policy: RetryPolicy;
  private readonly dueListeners: (() => void)[] = [];

  constructor(
    config: ConnectorEnv,
    private readonly dataSource: DataSource,
    private readonly deliveries: DeliveryRepository,
    private readonly systems: SystemRepository,
    private readonly adapters: AdapterRegistry,
    private readonly polls: StatusPollService,
    private readonly outbox: Outbox,
  ) {
    this.policy = { maxAttempts: config.DELIVERY_MAX_ATTEMPTS, backoffBaseMs: config.DELIVERY_BACKOFF_BASE_MS, backoffCapMs: config.DELIVERY_BACKOFF_CAP_MS };
  }

  /**
   * Queues submitted dossiers, each for the one-stop system of its province, in the consumer's transaction: the
   * systems in one query, the deliveries in one statement. A province without an enabled system is an operator's
   * matter, not a retryable event: the delivery is stored as failed, addressed to the province's one-stop system, so
   * that a redrive finds it once registered.
   */
  async accept(manager: EntityManager, submitted: readonly { dossier: DossierSubmittedV1; eventId: string }[]): Promise<void> {
    const systems = await this.systems.findEnabledForProvinces(manager, submitted.map((s) => s.dossier.provinceCode));
    const deliveries: NewDelivery[] = [];
    for (const { dossier, eventId } of submitted) {
      const system = systems.get(dossier.provinceCode);
      // a dossier the province's own software registered and synced: that system holds it already
      if (system?.code === dossier.sourceSystem) continue;
      const delivery = { id: randomUUID(), sourceEventId: eventId, subject: dossier.code, payload: dossier };
      // routing was the one attempt made for a province without a system; delivery.failed.v1 counts attempts from 1
      deliveries.push(
        system
          ? { ...delivery, systemCode: system.code, status: 'pending', attempts: 0, lastError: null }
          : { ...delivery, systemCode: oneStopSystemOf(dossier.provinceCode), status: 'failed', attempts: 1, lastError: `no enabled system for province ${dossier.provinceCode}` },
      );
    }
    const inserted = await this.deliveries.insertAll(manager, deliveries);
    for (const failed of deliveries.filter((d) => d.status === 'failed' && inserted.has(d.id))) await this.addFailedEvent(manager, failed);
  }

  /**
   * Attempts the due deliveries of one batch; answers how many were attempted. The claimed rows stay
   * locked while their calls run: a crash mid-batch rolls back and leaves them due for another worker.
   */
  async deliverDue(): Promise<number> {
    const attempted = await this.dataSource.transaction(async (manager) => {
      const due = await this.deliveries.claimDue(manager, DELIVERY_BATCH_SIZE);
      const systems = await this.systems.findByCodes(manager, due.map((d) => d.systemCode));
      const outcomes = await Promise.all(due.map((d) => this.attempt(d, systems.get(d.systemCode))));
      await this.recordDelivered(manager, due.filter((_, i) => outcomes[i].ok));
      for (const [i, delivery] of due.entries()) {
        const outcome = outcomes[i];
        if (!outcome.ok) await this.recordFailure(manager, delivery, outcome.error);
      }
      return due.length;
    });
    if (attempted > 0) this.outbox.notifyCommitted();
    return attempted;
  }

  /** A failed delivery goes back to the queue with a fresh attempt budget. */
  async redrive(id: string): Promise<Delivery> {
    const delivery = await this.dataSource.transaction(async (manager) => {
      const found = await this.deliveries.findForUpdate(manager, id);
      if (!found) throw new DeliveryException(DeliveryProblem.NotFound, `no delivery ${id}`);
      if (found.status !== 'failed') throw new DeliveryException(DeliveryProblem.NotRedrivable, `delivery ${id} is ${found.status}`, { deliveryStatus: found.status });
      await this.deliveries.requeue(manager, id);
      return found;
    });
    for (const listener of this.dueListeners) listener();
    this.logger.log(`delivery ${id} of ${delivery.subject} to ${delivery.systemCode} redriven`);
    return (await this.deliveries.findById(id))!;
  }

  page(filter: DeliveryFilter, page: number, pageSize: number): Promise<[Delivery[], number]> {
    return this.deliveries.page(filter, page, pageSize);
  }

  /** Called when a delivery became due outside the schedule (a redrive). */
  onDue(listener: () => void): void {
    this.dueListeners.push(listener);
  }

  /** Any error of one delivery is that delivery's failed attempt: it never holds up the rest of the batch. */
  private async attempt(delivery: Delivery, system: ConnectedSystem | undefined): Promise<Outcome> {
    try {
      if (!system?.enabled) return { ok: false, error: `system ${delivery.systemCode} is not registered or is disabled` };
      await this.adapters.adapterFor(system.protocol).deliverDossier(system, delivery.payload);
      return { ok: true };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }

  /** The batch's delivered dossiers: marked, watched and announced, three statements for all of them. */
  private async recordDelivered(manager: EntityManager, delivered: Delivery[]): Promise<void> {
    if (delivered.length === 0) return;
    const deliveredAt = new Date();
    const attempted = delivered.map((d) => ({ ...d, attempts: d.attempts + 1 }));
    await this.deliveries.markAllDelivered(manager, attempted, deliveredAt);
    await this.polls.watchDelivered(manager, delivered.map((d) => ({ systemCode: d.systemCode, dossierCode: d.subject, deliveredStatus: d.payload.status })));
    for (const { systemCode } of delivered) deliveryAttempts.inc({ system: systemCode, outcome: 'delivered' });
    await this.outbox.addAll(
      manager,
      deliverySucceededV1,
      attempted.map(({ id, systemCode, subject, sourceEventId, attempts }) => ({
        key: subject,
        payload: { deliveryId: id, systemCode, subject, sourceEventId, attempts, deliveredAt: deliveredAt.toISOString() },
      })),
    );
  }

  private async recordFailure(manager: EntityManager, delivery: Delivery, error: string): Promise<void> {
    const attempts = delivery.attempts + 1;
    const { id, systemCode, subject } = delivery;
    const next = afterFailure(attempts, this.policy);
    deliveryAttempts.inc({ system: systemCode, outcome: next.kind === 'retry' ? 'retry' : 'failed' });
    if (next.kind === 'retry') {
      await this.deliveries.scheduleRetry(manager, id, attempts, next.delayMs, error);
      this.logger.warn(`delivery ${id} of ${subject} to ${systemCode} failed (attempt ${attempts}), next in ${next.delayMs} ms: ${error}`);
      return;
    }
    await this.deliveries.markFailed(manager, id, attempts, error);
    await this.addFailedEvent(manager, { ...delivery, attempts, lastError: error });
    this.logger.error(`delivery ${id} of ${subject} to ${systemCode} failed for good after ${attempts} attempts: ${error}`);
  }

  private async addFailedEvent(manager: EntityManager, d: Pick<Delivery, 'id' | 'systemCode' | 'subject' | 'sourceEventId' | 'attempts' | 'lastError'>): Promise<void> {
    await this.outbox.add(manager, deliveryFailedV1, d.subject, {
      deliveryId: d.id,
      systemCode: d.systemCode,
      subject: d.subject,
      sourceEventId: d.sourceEventId,
      attempts: d.attempts,
      error: d.lastError ?? 'unknown error',
      failedAt: new Date().toISOString(),
    });
  }
}
