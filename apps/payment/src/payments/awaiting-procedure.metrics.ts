import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Gauge, register } from 'prom-client';
import { AwaitingProcedureRepository, AwaitingSummary } from './awaiting-procedure.repository';

const COUNT = 'lienthong_payment_fees_awaiting_procedure';
const OLDEST = 'lienthong_payment_fees_awaiting_procedure_oldest_seconds';

/**
 * On /metrics, read from the database when scraped (so every instance shows the same, and a restart loses nothing):
 * how many fees wait for their procedure, and how long the oldest has. A database that cannot answer leaves the last values.
 */
@Injectable()
export class AwaitingProcedureMetrics implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AwaitingProcedureMetrics.name);
  /** The summary being read: both gauges of one scrape share its one query. */
  private reading: Promise<AwaitingSummary> | undefined;

  constructor(private readonly awaiting: AwaitingProcedureRepository) {}

  onApplicationBootstrap(): void {
    this.gauge(COUNT, 'Fees asked of dossiers (status 6) whose procedure payment does not know yet', (s) => s.count);
    this.gauge(OLDEST, 'How long the oldest fee waiting for its procedure has waited (0 when none waits)', (s) => (s.oldest ? (Date.now() - s.oldest.getTime()) / 1000 : 0));
  }

  onApplicationShutdown(): void {
    for (const name of [COUNT, OLDEST]) register.removeSingleMetric(name);
  }

  private summary(): Promise<AwaitingSummary> {
    this.reading ??= this.awaiting.summary().finally(() => (this.reading = undefined));
    return this.reading;
  }

  private gauge(name: string, help: string, valueOf: (summary: AwaitingSummary) => number): void {
    const { logger } = this;
    const summary = () => this.summary();
    new Gauge({
      name,
      help,
      async collect() {
        try {
          this.set(valueOf(await summary()));
        } catch (error) {
          logger.warn(`${name} not read: ${(error as Error).message}`);
        }
      },
    });
  }
}
