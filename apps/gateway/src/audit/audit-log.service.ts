import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditRecord, ChainedEntry, entryHash, GENESIS_HASH } from './audit-chain';
import { AuditRepository } from './audit.repository';

/**
 * Appends to the tamper-evident audit log inside the caller's transaction, so an entry exists exactly when the
 * change it records does. Appends are serialised by an advisory lock held to commit: each entry chains on the
 * committed head, and seq has no gaps (a rolled-back append gives its number back, unlike a sequence).
 */
@Injectable()
export class AuditLog {
  constructor(private readonly repository: AuditRepository) {}

  async append(manager: EntityManager, record: AuditRecord): Promise<ChainedEntry> {
    await this.repository.lockChain(manager);
    const head = await this.repository.head(manager);
    const body = { ...record, seq: (head?.seq ?? 0) + 1, at: new Date() };
    const prevHash = head?.hash ?? GENESIS_HASH;
    const entry = { ...body, prevHash, hash: entryHash(prevHash, body) };
    await this.repository.insert(manager, entry);
    return entry;
  }
}
