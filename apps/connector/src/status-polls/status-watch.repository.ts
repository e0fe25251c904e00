import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { SeenStatus } from './status-change';
import { StatusWatch } from './status-watch.entity';

type WatchKey = Pick<StatusWatch, 'systemCode' | 'dossierCode'>;
type NewWatch = WatchKey & { seenStatus: string };

@Injectable()
export class StatusWatchRepository {
  /** Watches dossiers delivered to a system from the status each was delivered with, in one statement; a watch already kept, or a finished dossier, stays as it is. */
  async watchAll(manager: EntityManager, watches: readonly NewWatch[]): Promise<void> {
    if (watches.length === 0) return;
    await manager.query(
      `INSERT INTO status_watches (system_code, dossier_code, seen_status)
       SELECT w.system_code, w.dossier_code, w.seen_status FROM unnest($1::varchar[], $2::varchar[], $3::varchar[]) AS w(system_code, dossier_code, seen_status)
       WHERE NOT EXISTS (SELECT 1 FROM settled_dossiers WHERE code = w.dossier_code)
       ON CONFLICT DO NOTHING`,
      [watches.map((w) => w.systemCode), watches.map((w) => w.dossierCode), watches.map((w) => w.seenStatus)],
    );
  }

  /**
   * Locks up to `limit` watches due for a look-up, of enabled systems in pull mode, for the rest of the caller's
   * transaction; watches another connector instance holds are skipped, so no dossier is looked up twice at once.
   */
  claimDue(manager: EntityManager, limit: number): Promise<StatusWatch[]> {
    return manager
      .createQueryBuilder(StatusWatch, 'w')
      .where(`w.system_code IN (SELECT code FROM systems WHERE sync_mode = 'pull' AND enabled)`)
      .andWhere('w.next_poll_at <= now()')
      .orderBy('w.next_poll_at')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  async see(manager: EntityManager, watch: WatchKey, seen: SeenStatus): Promise<void> {
    await manager.update(StatusWatch, { systemCode: watch.systemCode, dossierCode: watch.dossierCode }, { seenStatus: seen.status, seenOccurredAt: seen.occurredAt });
  }

  /** The next look-up is timed on the database clock, the same clock `claimDue` compares with. */
  async scheduleNext(manager: EntityManager, watch: WatchKey, delayMs: number, error: string | null): Promise<void> {
    await manager.query(
      `UPDATE status_watches SET next_poll_at = now() + $3::integer * interval '1 millisecond', polled_at = now(), last_error = $4 WHERE system_code = $1 AND dossier_code = $2`,
      [watch.systemCode, watch.dossierCode, delayMs, error],
    );
  }

  /** The backbone finished the dossier: it is looked up no more, nor once delivered later. */
  async settle(manager: EntityManager, dossierCode: string, status: number): Promise<void> {
    await manager.query(`INSERT INTO settled_dossiers (code, status) VALUES ($1, $2) ON CONFLICT (code) DO UPDATE SET status = EXCLUDED.status`, [dossierCode, status]);
    await manager.query(`DELETE FROM status_watches WHERE dossier_code = $1`, [dossierCode]);
  }
}
