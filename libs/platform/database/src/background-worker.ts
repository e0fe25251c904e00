import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { PollingLoop, PollingLoopOptions } from './polling-loop';

/** Runs a unit of work in a PollingLoop from the app's start until its shutdown, which waits for the unit in flight. */
export abstract class BackgroundWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  protected readonly loop: PollingLoop;

  /** `pacing`: busyMs and fullAt of the loop (see PollingLoop), for work done in batches. */
  protected constructor(name: string, work: () => Promise<number>, idleMs: number, pacing: Pick<PollingLoopOptions, 'busyMs' | 'fullAt'> = {}) {
    const logger = new Logger(new.target.name);
    this.loop = new PollingLoop(name, work, { idleMs, ...pacing, onError: (loop, error) => logger.warn(`${loop} failed, will retry: ${String(error)}`) });
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }
}
