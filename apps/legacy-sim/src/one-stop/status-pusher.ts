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

const BATCH_PATH = '/v1/dossier-status-batches';
/** Statuses pushed in one call at most; those due while a call is out go in the next. */
const BATCH_SIZE = 100;

/** A status waiting to be pushed, with the dossier it is of and whom to tell how it went (true: delivered). */
interface DuePush {
  code: string;
  push: StatusPush;
  settled: (delivered: boolean) => void;
}

/** What the backbone made of each status of a batch it answered 200, in their order: an HTTP status and the refusal's words. */
function answersOf(result: GatewayCallResult): { httpStatus: number; error?: string }[] {
  if (!result.answered || result.httpStatus !== 200) return [];
  const { items } = JSON.parse(result.text) as { items: { problem?: { status: number; detail?: string; title: string } }[] };
  return items.map(({ problem }) => (problem ? { httpStatus: problem.status, error: problem.detail ?? problem.title } : { httpStatus: 200 }));
}

/**
 * Plays the province processing new dossiers: after a delay it pushes each status back through the gateway as real
 * one-stop software syncs, in order, the next status of a dossier only once the last arrived. A province pushes the
 * statuses due together in one call, one call at a time, the next taking what came due meanwhile, and retries a call
 * that may succeed later; a province whose pushes are switched off only reaches the statuses. Shutdown abandons the
 * pushes still waiting or in flight and waits until each has recorded so.
 */
@Injectable()
export class StatusPusher extends BackgroundRuns {
  private readonly logger = new Logger(StatusPusher.name);
  private readonly due = new Map<string, DuePush[]>();
  private readonly pushing = new Set<string>();

  constructor(
    private readonly config: LegacySimEnv,
    private readonly switches: StatusPushSwitch,
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
        settle(push, 'abandoned');
        return;
      }
      dossier.status = step.status;
      if (!this.switches.isOn(province)) {
        settle(push, 'not-pushed');
        continue;
      }
      if (!(await new Promise<boolean>((settled) => this.enqueue(province, { code: dossier.record.MaHoSo, push, settled })))) return;
    }
  }

  private enqueue(province: string, due: DuePush): void {
    const queue = this.due.get(province) ?? [];
    this.due.set(province, queue);
    queue.push(due);
    if (this.pushing.has(province)) return;
    this.pushing.add(province);
    this.runInBackground(async () => {
      try {
        while (queue.length > 0 && !this.signal.aborted) await this.pushBatch(province, queue.splice(0, BATCH_SIZE));
        for (const left of queue.splice(0)) left.settled(settle(left.push, 'abandoned'));
      } finally {
        this.pushing.delete(province);
      }
    });
  }

  /** Pushes a batch until the gateway takes it, refuses it or attempts run out; each status then settles on its own answer. */
  private async pushBatch(province: string, batch: DuePush[]): Promise<void> {
    let answers: ReturnType<typeof answersOf> = [];
    const note = (result: GatewayCallResult) => {
      answers = answersOf(result);
      for (const { push } of batch) {
        push.attempts += 1;
        push.lastHttpStatus = result.answered ? result.httpStatus : undefined;
        push.lastError = result.answered ? (result.httpStatus < 300 ? undefined : result.text.slice(0, 500)) : result.error;
      }
    };
    const body = { reports: batch.map(({ code, push }) => ({ code, status: push.status, note: push.note })) };
    const taken = await this.postUntilTaken(this.config, oneStopSystemOf(province), BATCH_PATH, body, this.config.PUSH_MAX_ATTEMPTS, note);
    batch.forEach(({ code, push, settled }, k) => settled(this.outcome(province, code, push, taken, answers[k])));
  }

  /** Settles one status of a batch by its own answer (the batch's when the gateway refused it whole); true only when delivered. */
  private outcome(province: string, code: string, push: StatusPush, taken: boolean, answer: { httpStatus: number; error?: string } | undefined): boolean {
    if (this.signal.aborted) return settle(push, 'abandoned');
    if (!taken) {
      this.logger.error(`${province} gave up pushing status ${push.status} of ${code} after ${push.attempts} attempts: ${push.lastError}`);
      return settle(push, 'gave-up');
    }
    if (answer) Object.assign(push, { lastHttpStatus: answer.httpStatus, lastError: answer.error });
    if (answer?.httpStatus === 200) return settle(push, 'delivered');
    this.logger.warn(`${province} status ${push.status} of ${code} refused with HTTP ${push.lastHttpStatus}: ${push.lastError}`);
    return settle(push, 'refused');
  }
}

function settle(push: StatusPush, outcome: StatusPush['outcome']): boolean {
  push.outcome = outcome;
  push.updatedAt = new Date().toISOString();
  return outcome === 'delivered';
}
