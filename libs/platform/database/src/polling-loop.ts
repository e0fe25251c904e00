/**
 * Runs a unit of work again and again: at once while it keeps finding work, after `idleMs` when it
 * finds none, and after a backoff when it fails. `stop()` waits for the unit in flight to finish.
 */
export class PollingLoop {
  private running = false;
  private current: Promise<void> = Promise.resolve();
  private wakeUp: (() => void) | undefined;

  constructor(
    private readonly name: string,
    private readonly work: () => Promise<number>,
    private readonly options: { idleMs: number; errorMs?: number; onError: (name: string, error: unknown) => void },
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.current = this.loop();
  }

  /** Shortens the idle wait: new work was just written. */
  wake(): void {
    this.wakeUp?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.current;
  }

  private async loop(): Promise<void> {
    while (this.running) {
      let delay = 0;
      try {
        if ((await this.work()) === 0) delay = this.options.idleMs;
      } catch (error) {
        this.options.onError(this.name, error);
        delay = this.options.errorMs ?? this.options.idleMs * 10;
      }
      if (delay > 0 && this.running) await this.pause(delay);
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    });
  }
}

/** Exponential backoff with full jitter, capped: attempt 1 waits about baseMs. */
export const backoffMs = (attempt: number, baseMs: number, capMs: number): number =>
  Math.round(Math.min(capMs, baseMs * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2));
