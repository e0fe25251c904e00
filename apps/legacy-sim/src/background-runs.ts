import { BeforeApplicationShutdown } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';

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
