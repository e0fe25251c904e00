import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { JourneyEntry } from './journey-entry';

@Injectable()
export class JourneyRepository {
  /**
   * Puts entries on the timelines of the dossiers they name, each at the dossier's status of now, in one statement;
   * an entry naming no dossier held here (a delivery of something else) is left out.
   */
  async add(manager: EntityManager, entries: JourneyEntry[]): Promise<void> {
    // the timeline's foreign key share-locks each dossier; taken first, in code order, as status reports lock them, so
    // a batch naming many dossiers never deadlocks with a call updating several (one statement: the lock and the rows)
    await manager.query(
      `WITH locked AS (SELECT code, status FROM dossiers WHERE code = ANY($1::varchar[]) ORDER BY code COLLATE "C" FOR KEY SHARE)
       INSERT INTO dossier_timeline (dossier_code, kind, status, note, detail, actor, occurred_at)
       SELECT e.code, e.kind, d.status, e.note, e.detail, e.actor, e.occurred_at
         FROM unnest($1::varchar[], $2::varchar[], $3::text[], $4::varchar[], $5::varchar[], $6::timestamptz[]) WITH ORDINALITY AS e(code, kind, note, detail, actor, occurred_at, n)
         JOIN locked d ON d.code = e.code
        ORDER BY e.n`,
      [
        entries.map((e) => e.dossierCode),
        entries.map((e) => e.kind),
        entries.map((e) => e.note),
        entries.map((e) => e.detail),
        entries.map((e) => e.actor),
        entries.map((e) => e.occurredAt),
      ],
    );
  }
}
