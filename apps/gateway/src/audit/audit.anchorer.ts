import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { auditAnchoredV1 } from '@lienthong/contracts';
import { PollingLoop } from '@lienthong/platform-database';
import { Outbox } from '@lienthong/platform-kafka';
import { GatewayEnv } from '../config';
import { Anchor } from './audit-chain';
import { AuditRepository } from './audit.repository';

export const AUDIT_LOG_NAME = 'gateway.audit_log';

/**
 * Every AUDIT_ANCHOR_INTERVAL_MS, records the chain's head in audit_anchors and publishes it (audit.anchored.v1)
 * for witnesses outside the gateway's database. Under the chain lock, so two gateway instances never anchor the
 * same head twice; a head already anchored is skipped.
 */
@Injectable()
export class AuditAnchorer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('AuditAnchorer');
  private readonly loop: PollingLoop;

  constructor(private readonly dataSource: DataSource, private readonly repository: AuditRepository, private readonly outbox: Outbox, config: GatewayEnv) {
    this.loop = new PollingLoop(
      'audit anchoring',
      async () => {
        await this.anchor();
        return 0;
      },
      { idleMs: config.AUDIT_ANCHOR_INTERVAL_MS, onError: (name, error) => this.logger.warn(`${name} failed, will retry: ${String(error)}`) },
    );
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
  }

  /** Anchors the current head; answers it, or null when there is nothing new to anchor. */
  async anchor(): Promise<Anchor | null> {
    const anchored = await this.dataSource.transaction(async (manager) => {
      await this.repository.lockChain(manager);
      const head = await this.repository.head(manager);
      const last = await this.repository.lastAnchor(manager);
      if (!head || (last && last.seq >= head.seq)) return null;
      const at = new Date();
      await this.repository.insertAnchor(manager, head, at);
      await this.outbox.add(manager, auditAnchoredV1, AUDIT_LOG_NAME, { log: AUDIT_LOG_NAME, seq: head.seq, hash: head.hash, anchoredAt: at.toISOString() });
      return head;
    });
    if (anchored) this.outbox.notifyCommitted();
    return anchored;
  }
}
