import { BeforeApplicationShutdown } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { backoffMs } from '@lienthong/platform-database';
import { LegacySimEnv } from './config';
import { GatewayCallResult, isRetryable, postToGateway } from './gateway-call';

const BACKOFF_BASE_MS = 200;
const BACKOFF_CAP_MS = 5000;

/**
 * Work a simulated system does in the background (pushing statuses, sending callbacks), never in a caller's answer.
 * Shutdown cuts every pause short and waits until each run has noted that it was abandoned.
 */
export abstract class BackgroundRuns implements BeforeApplicationShutdown {
  private readonly shutdown = new AbortController();
  private readonly inFlight = new Set<Promise<void>>();

  protected get signal(): AbortSignal {
    return this.shutdown.signal;
  }

  protected runInBackground(work: () => Promise<void>): void {
    const run = work().finally(() => this.inFlight.delete(run));
    this.inFlight.add(run);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.shutdown.abort();
    await Promise.allSettled([...this.inFlight]);
  }

  /**
   * POSTs to the gateway as `systemId` until it is answered with anything but a failure worth retrying, at most
   * `maxAttempts` times with a backoff between; each result goes to `noted`. False when it gave up or was cut short.
   */
  protected async postUntilTaken(config: LegacySimEnv, systemId: string, path: string, body: unknown, maxAttempts: number, noted: (result: GatewayCallResult) => void): Promise<boolean> {
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const result = await postToGateway(config, systemId, path, body, this.signal);
      noted(result);
      if (!isRetryable(result)) return true;
      if (this.signal.aborted || (attempt < maxAttempts && !(await this.pause(backoffMs(attempt, BACKOFF_BASE_MS, BACKOFF_CAP_MS))))) return false;
    }
    return false;
  }

  /** Waits unless shutting down; false when shutdown cut the wait short. */
  protected async pause(ms: number): Promise<boolean> {
    try {
      await sleep(ms, undefined, { signal: this.shutdown.signal });
      return true;
    } catch {
      return false;
    }
  }
}
