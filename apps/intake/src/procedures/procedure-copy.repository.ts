import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { ProcedurePublishedV1 } from '@lienthong/contracts';
import { ProcedureCopy } from './procedure-copy.entity';

/**
 * How long a looked-up procedure is used without asking again: every submission and every due date reads one. Copies
 * come from catalogue's events, so they lag behind the catalogue anyway; an event this instance applies clears its code
 * at once, and other instances see it within this time.
 */
const CACHE_MS = 5000;
/** Codes asked for are the catalogue's, and whatever clients send: past this many, the cache starts afresh. */
const CACHE_ENTRIES = 10_000;

@Injectable()
export class ProcedureCopyRepository {
  private readonly cache = new Map<string, { until: number; copy: ProcedureCopy | null }>();

  constructor(private readonly dataSource: DataSource) {}

  /** Keeps the newest version: an older event arriving late changes nothing. */
  async upsertNewer(manager: EntityManager, p: ProcedurePublishedV1): Promise<void> {
    await manager.query(
      `INSERT INTO procedures (code, version, name, submission_methods, cases, fees, processing_time)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (code) DO UPDATE SET version = EXCLUDED.version, name = EXCLUDED.name, submission_methods = EXCLUDED.submission_methods,
         cases = EXCLUDED.cases, fees = EXCLUDED.fees, processing_time = EXCLUDED.processing_time, updated_at = now()
       WHERE procedures.version < EXCLUDED.version`,
      [p.code, p.version, p.name, JSON.stringify(p.submissionMethods), JSON.stringify(p.cases), JSON.stringify(p.fees), JSON.stringify(p.processingTime)],
    );
    this.cache.delete(p.code);
  }

  /**
   * The copy of a procedure (shared: read it, never change it), from the cache while it is fresh. Inside a transaction,
   * pass its manager: a second connection per transaction starves the pool under load. For the same reason a look-up in
   * flight is never shared: a transaction awaiting another caller's look-up would wait for that caller's connection.
   */
  async findByCode(code: string, manager: EntityManager = this.dataSource.manager): Promise<ProcedureCopy | null> {
    const cached = this.cache.get(code);
    if (cached && cached.until > Date.now()) return cached.copy;
    const copy = await manager.getRepository(ProcedureCopy).findOneBy({ code });
    if (this.cache.size >= CACHE_ENTRIES) this.cache.clear();
    this.cache.set(code, { until: Date.now() + CACHE_MS, copy });
    return copy;
  }
}
