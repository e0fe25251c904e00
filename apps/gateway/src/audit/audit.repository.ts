import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, MoreThan } from 'typeorm';
import { Anchor, ChainedEntry } from './audit-chain';
import { AuditAnchor } from './audit-anchor.entity';
import { AuditEntry } from './audit-entry.entity';

/** Key of the advisory lock every append and every anchoring takes: one writer at a time, so the chain never forks. */
const CHAIN_LOCK = 0x61756469746c6f67n.toString(); // 'auditlog'

const toChained = (row: AuditEntry): ChainedEntry => ({
  seq: Number(row.seq),
  at: row.at,
  actor: row.actor,
  action: row.action,
  subject: row.subject,
  details: row.details,
  prevHash: row.prevHash,
  hash: row.hash,
});

@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Held until the transaction ends: the caller reads the head and appends with no other writer in between. */
  async lockChain(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock($1::bigint)`, [CHAIN_LOCK]);
  }

  async head(manager: EntityManager): Promise<Anchor | null> {
    const row = await manager.getRepository(AuditEntry).findOne({ where: {}, order: { seq: 'DESC' }, select: { seq: true, hash: true } });
    return row ? { seq: Number(row.seq), hash: row.hash } : null;
  }

  /** One statement for the whole batch: the rows travel as one JSON array, in seq order. */
  async insert(manager: EntityManager, entries: readonly ChainedEntry[]): Promise<void> {
    const rows = entries.map((e) => ({ seq: e.seq, at: e.at.toISOString(), actor: e.actor, action: e.action, subject: e.subject, details: e.details, prev_hash: e.prevHash, hash: e.hash }));
    await manager.query(
      `INSERT INTO audit_log (seq, at, actor, action, subject, details, prev_hash, hash)
       SELECT seq, at, actor, action, subject, details, prev_hash, hash
       FROM jsonb_to_recordset($1::jsonb) AS r(seq bigint, at timestamptz, actor varchar, action varchar, subject varchar, details jsonb, prev_hash char(64), hash char(64))`,
      [JSON.stringify(rows)],
    );
  }

  async lastAnchor(manager: EntityManager): Promise<Anchor | null> {
    const row = await manager.getRepository(AuditAnchor).findOne({ where: {}, order: { seq: 'DESC' } });
    return row ? { seq: Number(row.seq), hash: row.hash } : null;
  }

  async insertAnchor(manager: EntityManager, anchor: Anchor, at: Date): Promise<void> {
    await manager.getRepository(AuditAnchor).insert({ seq: String(anchor.seq), hash: anchor.hash, anchoredAt: at });
  }

  async anchors(): Promise<Anchor[]> {
    const rows = await this.dataSource.getRepository(AuditAnchor).find({ order: { seq: 'ASC' } });
    return rows.map((row) => ({ seq: Number(row.seq), hash: row.hash }));
  }

  /** Entries after `afterSeq` in seq order, one page at a time, so a long log is walked without loading it whole. */
  async entriesAfter(afterSeq: number, limit: number): Promise<ChainedEntry[]> {
    const rows = await this.dataSource.getRepository(AuditEntry).find({ where: { seq: MoreThan(String(afterSeq)) }, order: { seq: 'ASC' }, take: limit });
    return rows.map(toChained);
  }
}
