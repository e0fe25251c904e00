import { Injectable, Logger } from '@nestjs/common';
import { DossierStatus } from '@lienthong/domain-dossier';
import { oneStopSystemOf } from '@lienthong/domain-registry';
import { BackgroundRuns } from '../background-runs';
import { LegacySimEnv } from '../config';
import { GatewayCallResult } from '../gateway-call';
import { ReceivedDossier, StatusPush } from './one-stop.store';
import { StatusPushSwitch } from './status-push.switch';

/** What a simulated province does with a new dossier: accept it, then start processing it. */
const PROCESSING_STEPS: ReadonlyArray<{ status: DossierStatus; note: string }> = [
  { status: DossierStatus.Accepted, note: 'Tiếp nhận hồ sơ' },
  { status: DossierStatus.Processing, note: 'Đang xử lý' },
];

/**
 * Plays the province processing new dossiers: after a delay it pushes each status back through the
 * gateway as real one-stop software does, in order, retrying what may succeed later; a province whose pushes
 * are switched off only reaches the statuses. Shutdown abandons the pushes still waiting or in flight and
 * waits until each has recorded so.
 */
@Injectable()
export class StatusPusher extends BackgroundRuns {
  private readonly logger = new Logger(StatusPusher.name);

  constructor(
    private readonly config: LegacySimEnv,
    private readonly pushing: StatusPushSwitch,
  ) {
    super();
  }

  /** Starts processing in the background: the caller's answer never waits for it. */
  process(province: string, dossier: ReceivedDossier): void {
    this.runInBackground(() => this.walk(province, dossier));
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
    let last: GatewayCallResult | undefined;
    const note = (result: GatewayCallResult) => {
      last = result;
      push.attempts += 1;
      push.lastHttpStatus = result.answered ? result.httpStatus : undefined;
      push.lastError = result.answered ? (result.httpStatus < 300 ? undefined : result.text.slice(0, 500)) : result.error;
    };
    const path = `/v1/dossiers/${encodeURIComponent(code)}/status`;
    const taken = await this.postUntilTaken(this.config, oneStopSystemOf(province), path, { status: push.status, note: push.note }, this.config.PUSH_MAX_ATTEMPTS, note);
    if (this.signal.aborted) return this.settle(push, 'abandoned');
    if (taken && last?.answered && last.httpStatus < 300) return this.settle(push, 'delivered');
    if (taken) {
      this.logger.warn(`${province} status ${push.status} of ${code} refused by the gateway with HTTP ${push.lastHttpStatus}: ${push.lastError}`);
      return this.settle(push, 'refused');
    }
    this.logger.error(`${province} gave up pushing status ${push.status} of ${code} after ${push.attempts} attempts: ${push.lastError}`);
    return this.settle(push, 'gave-up');
  }

  private settle(push: StatusPush, outcome: StatusPush['outcome']): boolean {
    push.outcome = outcome;
    push.updatedAt = new Date().toISOString();
    return outcome === 'delivered';
  }
}
