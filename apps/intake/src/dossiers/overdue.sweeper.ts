import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { dossierOverdueV1 } from '@lienthong/contracts';
import { PollingLoop } from '@lienthong/platform-database';
import { Outbox } from '@lienthong/platform-kafka';
import { IntakeEnv } from '../config';
import { DossierRepository } from './dossier.repository';

const BATCH = 200;

/**
 * Finds dossiers whose clock runs past their due date and publishes dossier.overdue.v1 for each, once per due date
 * (the mark is cleared when a supplement moves the due date). Instances share the work: a dossier one holds, the
 * others skip.
 */
@Injectable()
export class OverdueSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('OverdueSweeper');
  private readonly loop: PollingLoop;

  constructor(private readonly dataSource: DataSource, private readonly dossiers: DossierRepository, private readonly outbox: Outbox, config: IntakeEnv) {
    this.loop = new PollingLoop('overdue sweep', () => this.sweep(), {
      idleMs: config.INTAKE_OVERDUE_SWEEP_MS,
      onError: (name, error) => this.logger.warn(`${name} failed, will retry: ${String(error)}`),
    });
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
  }

  /** Marks one batch; answers how many, so that a full batch is followed at once by the next. */
  async sweep(): Promise<number> {
    const marked = await this.dataSource.transaction(async (manager) => {
      const now = new Date();
      const overdue = await this.dossiers.lockOverdue(manager, now, BATCH);
      for (const dossier of overdue) {
        await this.dossiers.markOverdue(manager, dossier, now);
        await this.outbox.add(manager, dossierOverdueV1, dossier.code, {
          code: dossier.code,
          procedureCode: dossier.procedureCode,
          agencyCode: dossier.agencyCode,
          provinceCode: dossier.provinceCode,
          status: dossier.status,
          dueAt: dossier.dueAt!.toISOString(),
          detectedAt: now.toISOString(),
        });
      }
      return overdue.length;
    });
    if (marked > 0) this.outbox.notifyCommitted();
    return marked === BATCH ? marked : 0;
  }
}
