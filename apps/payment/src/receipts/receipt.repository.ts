import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ReceiptRow } from './receipt.entity';

/** How long a claimed fetch keeps others off its receipt: longer than any provider may take to answer. */
const CLAIM_MS = 120000;

@Injectable()
export class ReceiptRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The receipt of a paid attempt is due now (once, however often the attempt is reported paid). */
  async due(manager: EntityManager, attemptId: string): Promise<void> {
    await manager.query(`INSERT INTO receipts (attempt_id, next_attempt_at) VALUES ($1, now()) ON CONFLICT DO NOTHING`, [attemptId]);
  }

  /** Takes up to `limit` receipts due and not yet fetched, counting the attempt, and keeps other instances off them for a while. */
  async claimDue(limit: number, maxAttempts: number): Promise<{ attempt_id: string; attempts: number }[]> {
    // TypeORM answers an UPDATE with its rows and their count
    const [claimed]: [{ attempt_id: string; attempts: number }[], number] = await this.dataSource.query(
      `UPDATE receipts SET attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => $3::double precision / 1000) WHERE attempt_id IN (
         SELECT attempt_id FROM receipts WHERE fetched_at IS NULL AND next_attempt_at <= now() AND attempts < $2
         ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING attempt_id, attempts`,
      [limit, maxAttempts, CLAIM_MS],
    );
    return claimed;
  }

  async kept(attemptId: string, contentType: string, content: Buffer, sha256: string): Promise<void> {
    await this.dataSource.getRepository(ReceiptRow).update({ attemptId }, { content, contentType, sha256, fetchedAt: new Date(), lastError: null });
  }

  async failed(attemptId: string, error: string, nextAttemptAt: Date): Promise<void> {
    await this.dataSource.getRepository(ReceiptRow).update({ attemptId }, { lastError: error.slice(0, 1000), nextAttemptAt });
  }

  find(attemptId: string): Promise<ReceiptRow | null> {
    return this.dataSource.getRepository(ReceiptRow).findOneBy({ attemptId });
  }
}
