export interface PollingLoopOptions {
  /** Wait after a unit that found no work; wake() cuts it short. */
  idleMs: number;
  /** Wait after a unit that failed (ten times idleMs unless given). */
  errorMs?: number;
  /**
   * Wait after a unit that found some work but less than `fullAt`, which wake() does not cut short: under load the next
   * unit then finds more, and a loop that runs per batch (a transaction, a produce request) runs fewer of them. 0 (the
   * default) runs again at once.
   */
  busyMs?: number;
  /** A unit that found this much work runs the next one at once (there is more waiting). */
  fullAt?: number;
  /**
   * All work is announced by wake() (an outbox whose writers all tell the relay): after a unit that found some but less
   * than `fullAt`, the loop waits `busyMs` and runs again only if woken meanwhile, and otherwise waits `idleMs` at once,
   * instead of a last unit that would find nothing.
   */
  announced?: boolean;
  onError: (name: string, error: unknown) => void;
}

/**
 * Runs a unit of work again and again: at once while it keeps finding work (or after `busyMs`, see there), after
 * `idleMs` when it finds none, and after a backoff when it fails. `stop()` waits for the unit in flight to finish.
 */
export class PollingLoop {
  private running = false;
  private current: Promise<void> = Promise.resolve();
  private wakeUp: (() => void) | undefined;
  private wokenMeanwhile = false;

  constructor(
    private readonly name: string,
    private readonly work: () => Promise<number>,
    private readonly options: PollingLoopOptions,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.current = this.loop();
  }

  /** Shortens the idle wait: new work was just written. */
  wake(): void {
    this.wokenMeanwhile = true;
    this.wakeUp?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.current;
  }

  private async loop(): Promise<void> {
    while (this.running) {
      let [delay, wakeable] = [0, true];
      this.wokenMeanwhile = false;
      try {
        const found = await this.work();
        const quiet = this.options.announced && !this.wokenMeanwhile;
        if (found === 0 || (quiet && found < (this.options.fullAt ?? Infinity))) delay = this.options.idleMs;
        else if (found < (this.options.fullAt ?? Infinity)) [delay, wakeable] = [this.options.busyMs ?? 0, false];
      } catch (error) {
        this.options.onError(this.name, error);
        delay = this.options.errorMs ?? this.options.idleMs * 10;
      }
      if (delay > 0 && this.running) await this.pause(delay, wakeable);
    }
  }

  private pause(ms: number, wakeable: boolean): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      // stop() still ends a pause that wake() may not
      this.wakeUp = wakeable ? done : () => !this.running && done();
    });
  }
}

/** Exponential backoff with full jitter, capped: attempt 1 waits about baseMs. */
export const backoffMs = (attempt: number, baseMs: number, capMs: number): number =>
  Math.round(Math.min(capMs, baseMs * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2));
