import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { dossierStatusObservedV1, DossierStatusChangedV1 } from '@lienthong/contracts';
import { DossierStatus, isFinalStatus } from '@lienthong/domain-dossier';
import { Outbox } from '@lienthong/platform-kafka';
import { AdapterRegistry } from '../adapters/adapter-registry';
import { deadlineIn } from '../adapters/deadline';
import type { ObservedStatus } from '../adapters/status-lookup';
import { ConnectorEnv } from '../config';
import { CircuitBreakers, isRefusedByBreaker } from '../service-calls/circuit-breakers';
import type { ConnectedSystem } from '../systems/connected-system.entity';
import { SystemRepository } from '../systems/system.repository';
import { isChange, statusText } from './status-change';
import type { StatusWatch } from './status-watch.entity';
import { StatusWatchRepository } from './status-watch.repository';

/** Dossiers looked up per unit of work: few enough that their locks and calls stay short. */
const BATCH_SIZE = 16;
/** A change to a final status ends the watch of its dossier; no other concerns the watches. */
export const settlesTheWatch = (change: DossierStatusChangedV1): boolean => isFinalStatus(change.status as DossierStatus);

type Observation = { ok: true; observed: ObservedStatus } | { ok: false; error: string };

/**
 * Pull mode: the dossiers delivered to a system that cannot push their statuses are looked up in it on its schedule, until
 * the backbone has finished them; each change of what it answers becomes dossier.status-observed.v1, the system's report.
 */
@Injectable()
export class StatusPollService {
  private readonly logger = new Logger('StatusPollService');

  constructor(
    private readonly config: ConnectorEnv,
    private readonly dataSource: DataSource,
    private readonly watches: StatusWatchRepository,
    private readonly systems: SystemRepository,
    private readonly adapters: AdapterRegistry,
    private readonly breakers: CircuitBreakers,
    private readonly outbox: Outbox,
  ) {}

  /** Starts watching dossiers just delivered, in the deliveries' transaction. */
  watchDelivered(manager: EntityManager, delivered: readonly { systemCode: string; dossierCode: string; deliveredStatus: number }[]): Promise<void> {
    return this.watches.watchAll(manager, delivered.map((d) => ({ systemCode: d.systemCode, dossierCode: d.dossierCode, seenStatus: statusText(d.deliveredStatus) })));
  }

  /** What intake made of every report, pushed or observed: a finished dossier (settlesTheWatch) is looked up no more. */
  async onStatusChanged(manager: EntityManager, change: DossierStatusChangedV1): Promise<void> {
    if (settlesTheWatch(change)) await this.watches.settle(manager, change.code, change.status);
  }

  /**
   * Looks up the due dossiers of one batch; answers how many were looked up. The claimed watches stay locked while the
   * calls run, and each change is written to the outbox with its new "last seen": a crash mid-batch leaves both undone.
   */
  async pollDue(): Promise<number> {
    const { polled, changed } = await this.dataSource.transaction(async (manager) => {
      const due = await this.watches.claimDue(manager, BATCH_SIZE);
      if (due.length === 0) return { polled: 0, changed: 0 };
      const systems = await this.systems.findByCodes(manager, due.map((w) => w.systemCode));
      const observations = await Promise.all(due.map((w) => this.observe(systems.get(w.systemCode)!, w.dossierCode)));
      let changes = 0;
      for (const [i, watch] of due.entries()) if (await this.record(manager, watch, systems.get(watch.systemCode)!, observations[i])) changes++;
      return { polled: due.length, changed: changes };
    });
    if (changed > 0) this.outbox.notifyCommitted();
    return polled;
  }

  /** Any failure is that look-up's: it never holds up the rest of the batch. Calls go through the system's circuit breaker. */
  private async observe(system: ConnectedSystem, dossierCode: string): Promise<Observation> {
    const adapter = this.adapters.adapterFor(system.protocol);
    const deadline = deadlineIn(system.callTimeoutMs ?? this.config.SERVICE_CALL_TIMEOUT_MS);
    try {
      const answer = await this.breakers.run(system.code, () => adapter.callService(system, adapter.statusLookup.callFor(dossierCode), deadline));
      const read = adapter.statusLookup.read(answer);
      return read.ok ? read : { ok: false, error: read.reason };
    } catch (error) {
      return { ok: false, error: isRefusedByBreaker(error) ? `the circuit of ${system.code} is open` : error instanceof Error ? error.message : String(error) };
    }
  }

  /** Answers whether the look-up saw a change. */
  private async record(manager: EntityManager, watch: StatusWatch, system: ConnectedSystem, observation: Observation): Promise<boolean> {
    if (!observation.ok) {
      this.logger.warn(`looking up ${watch.dossierCode} in ${watch.systemCode} failed, next in ${system.pollIntervalMs} ms: ${observation.error}`);
      await this.watches.scheduleNext(manager, watch, system.pollIntervalMs, observation.error);
      return false;
    }
    const { observed } = observation;
    await this.watches.scheduleNext(manager, watch, system.pollIntervalMs, null);
    if (!isChange({ status: watch.seenStatus, occurredAt: watch.seenOccurredAt }, observed)) return false;
    const observedAt = new Date();
    await this.watches.see(manager, watch, { status: statusText(observed.status), occurredAt: observed.occurredAt });
    await this.outbox.add(manager, dossierStatusObservedV1, watch.dossierCode, {
      code: watch.dossierCode,
      systemCode: watch.systemCode,
      status: observed.status,
      occurredAt: (observed.occurredAt ?? observedAt).toISOString(),
      observedAt: observedAt.toISOString(),
    });
    return true;
  }
}
