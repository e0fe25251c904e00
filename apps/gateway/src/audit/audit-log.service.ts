import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditRecord, chainAfter, ChainedEntry } from './audit-chain';
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
    const [entry] = await this.appendAll(manager, [record]);
    return entry;
  }

  /** Appends the records in order with one lock, one read of the head and one insert: for callers at thousands a second. */
  async appendAll(manager: EntityManager, records: readonly AuditRecord[]): Promise<ChainedEntry[]> {
    if (records.length === 0) return [];
    await this.repository.lockChain(manager);
    const entries = chainAfter(await this.repository.head(manager), records, new Date());
    await this.repository.insert(manager, entries);
    return entries;
  }
}
