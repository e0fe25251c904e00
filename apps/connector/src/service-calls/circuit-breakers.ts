import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import CircuitBreaker from 'opossum';
import { ConnectorEnv } from '../config';
import { breakerOptionsOf, BreakerPolicy, retryAfterSeconds } from './breaker-policy';

type Call = () => Promise<unknown>;

interface SystemBreaker {
  breaker: CircuitBreaker<[Call], unknown>;
  openedAt: number;
}

export const isRefusedByBreaker = (error: unknown): boolean =>
  error instanceof Error && CircuitBreaker.isOurError(error) && (error as { code?: string }).code === 'EOPENBREAKER';

/**
 * One circuit breaker per legacy system, made on its first call: a system that keeps failing is refused at once for a
 * while instead of tying up every client's call until its timeout, and is tried again with one call after that.
 * Breakers live in this process: each connector instance judges a system by the calls it made itself.
 */
@Injectable()
export class CircuitBreakers implements OnApplicationShutdown {
  private readonly logger = new Logger('CircuitBreakers');
  private readonly policy: BreakerPolicy;
  private readonly systems = new Map<string, SystemBreaker>();

  constructor(config: ConnectorEnv) {
    this.policy = { errorPercent: config.BREAKER_ERROR_PERCENT, minCalls: config.BREAKER_MIN_CALLS, windowMs: config.BREAKER_WINDOW_MS, resetMs: config.BREAKER_RESET_MS };
  }

  /** Runs a call to the system through its breaker; rejects at once (isRefusedByBreaker) while the breaker is open. */
  run<T>(systemCode: string, call: () => Promise<T>): Promise<T> {
    return this.of(systemCode).breaker.fire(call) as Promise<T>;
  }

  /** How long a refused client should wait before the breaker lets a call through again. */
  retryAfterSeconds(systemCode: string): number {
    return retryAfterSeconds(this.of(systemCode).openedAt, this.policy.resetMs, Date.now());
  }

  onApplicationShutdown(): void {
    for (const { breaker } of this.systems.values()) breaker.shutdown();
  }

  private of(systemCode: string): SystemBreaker {
    let system = this.systems.get(systemCode);
    if (!system) {
      const breaker = new CircuitBreaker((call: Call) => call(), breakerOptionsOf(systemCode, this.policy));
      const made: SystemBreaker = { breaker, openedAt: 0 };
      breaker.on('open', () => {
        made.openedAt = Date.now();
        this.logger.warn(`circuit of ${systemCode} opened after repeated failures: its services are refused for ${this.policy.resetMs} ms`);
      });
      breaker.on('halfOpen', () => this.logger.log(`circuit of ${systemCode} half open: the next call is a trial`));
      breaker.on('close', () => this.logger.log(`circuit of ${systemCode} closed: its services are called again`));
      this.systems.set(systemCode, made);
      system = made;
    }
    return system;
  }
}
