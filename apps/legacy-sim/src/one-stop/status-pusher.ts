import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { DossierStatus } from '@lienthong/domain-dossier';
import { demoApiKeyOf, oneStopSystemOf } from '@lienthong/domain-registry';
import { backoffMs } from '@lienthong/platform-database';
import { LegacySimEnv } from '../config';
import { ReceivedDossier, StatusPush } from './one-stop.store';
import { StatusPushSwitch } from './status-push.switch';

/** What a simulated province does with a new dossier: accept it, then start processing it. */
const PROCESSING_STEPS: ReadonlyArray<{ status: DossierStatus; note: string }> = [
  { status: DossierStatus.Accepted, note: 'Tiếp nhận hồ sơ' },
  { status: DossierStatus.Processing, note: 'Đang xử lý' },
];
const BACKOFF_BASE_MS = 200;
const BACKOFF_CAP_MS = 5000;
const REQUEST_TIMEOUT_MS = 5000;

type AttemptResult = { kind: 'delivered' | 'retry' | 'refused'; httpStatus?: number; error?: string };

const isRetryable = (httpStatus: number) => httpStatus >= 500 || httpStatus === 429;

/**
 * Plays the province processing new dossiers: after a delay it pushes each status back through the
 * gateway as real one-stop software does, in order, retrying what may succeed later; a province whose pushes
 * are switched off only reaches the statuses. Shutdown abandons the pushes still waiting or in flight and
 * waits until each has recorded so.
 */
@Injectable()
export class StatusPusher implements BeforeApplicationShutdown {
  private readonly logger = new Logger(StatusPusher.name);
  private readonly shutdown = new AbortController();
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly config: LegacySimEnv,
    private readonly pushing: StatusPushSwitch,
  ) {}

  /** Starts processing in the background: the caller's answer never waits for it. */
  process(province: string, dossier: ReceivedDossier): void {
    const run = this.walk(province, dossier).finally(() => this.inFlight.delete(run));
    this.inFlight.add(run);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.shutdown.abort();
    await Promise.allSettled([...this.inFlight]);
  }

  private async walk(province: string, dossier: ReceivedDossier): Promise<void> {
    for (const step of PROCESSING_STEPS) {
      const push: StatusPush = { ...step, outcome: 'pending', attempts: 0, updatedAt: new Date().toISOString() };
      dossier.pushes.push(push);
      if (!(await this.pause(this.config.STATUS_PUSH_DELAY_MS))) {
        this.settle(push, 'abandoned');
        return;
      }
      dossier.status = step.status;
      if (!this.pushing.isOn(province)) {
        this.settle(push, 'not-pushed');
        continue;
      }
      if (!(await this.deliver(province, dossier.record.MaHoSo, push))) return;
    }
  }

  /** Pushes one status until it is delivered, refused or out of attempts; true only when delivered. */
  private async deliver(province: string, code: string, push: StatusPush): Promise<boolean> {
    while (push.attempts < this.config.PUSH_MAX_ATTEMPTS) {
      push.attempts += 1;
      const result = await this.attempt(province, code, push);
      if (this.shutdown.signal.aborted) return this.settle(push, 'abandoned');
      push.lastHttpStatus = result.httpStatus;
      push.lastError = result.error;
      if (result.kind === 'delivered') return this.settle(push, 'delivered');
      if (result.kind === 'refused') {
        this.logger.warn(`${province} status ${push.status} of ${code} refused by the gateway with HTTP ${result.httpStatus}: ${result.error}`);
        return this.settle(push, 'refused');
      }
      if (push.attempts < this.config.PUSH_MAX_ATTEMPTS && !(await this.pause(backoffMs(push.attempts, BACKOFF_BASE_MS, BACKOFF_CAP_MS)))) {
        return this.settle(push, 'abandoned');
      }
    }
    this.logger.error(`${province} gave up pushing status ${push.status} of ${code} after ${push.attempts} attempts: ${push.lastError}`);
    return this.settle(push, 'gave-up');
  }

  private async attempt(province: string, code: string, push: StatusPush): Promise<AttemptResult> {
    try {
      const response = await fetch(`${this.config.GATEWAY_URL}/v1/dossiers/${encodeURIComponent(code)}/status`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': demoApiKeyOf(this.config.DEMO_SEED_SECRET, oneStopSystemOf(province)) },
        body: JSON.stringify({ status: push.status, note: push.note }),
        signal: AbortSignal.any([this.shutdown.signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]),
      });
      const text = await response.text();
      if (response.ok) return { kind: 'delivered', httpStatus: response.status };
      return { kind: isRetryable(response.status) ? 'retry' : 'refused', httpStatus: response.status, error: text.slice(0, 500) };
    } catch (error) {
      return { kind: 'retry', error: error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error) };
    }
  }

  /** Waits unless shutting down; false when shutdown cut the wait short. */
  private async pause(ms: number): Promise<boolean> {
    try {
      await sleep(ms, undefined, { signal: this.shutdown.signal });
      return true;
    } catch {
      return false;
    }
  }

  private settle(push: StatusPush, outcome: StatusPush['outcome']): boolean {
    push.outcome = outcome;
    push.updatedAt = new Date().toISOString();
    return outcome === 'delivered';
  }
}
