import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** A fee asked for (status 6) before payment knew the dossier's procedure. */
export interface FeeRequestAwaitingProcedure {
  sourceEventId: string;
  dossierCode: string;
  procedureCode: string;
  requestedAt: Date;
}

interface Row {
  source_event_id: string;
  dossier_code: string;
  procedure_code: string;
  requested_at: Date;
}

@Injectable()
export class AwaitingProcedureRepository {
  /** A redelivered event holds nothing twice. */
  async hold(manager: EntityManager, r: FeeRequestAwaitingProcedure): Promise<void> {
    await manager.query(
      `INSERT INTO fee_requests_awaiting_procedure (source_event_id, dossier_code, procedure_code, requested_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (source_event_id) DO NOTHING`,
      [r.sourceEventId, r.dossierCode, r.procedureCode, r.requestedAt],
    );
  }

  /** Removes and returns, oldest first, what waited for the procedure. */
  async takeAll(manager: EntityManager, procedureCode: string): Promise<FeeRequestAwaitingProcedure[]> {
    const rows: Row[] = await manager.query(
      `WITH taken AS (DELETE FROM fee_requests_awaiting_procedure WHERE procedure_code = $1 RETURNING *) SELECT * FROM taken ORDER BY requested_at`,
      [procedureCode],
    );
    return rows.map((row) => ({ sourceEventId: row.source_event_id, dossierCode: row.dossier_code, procedureCode: row.procedure_code, requestedAt: row.requested_at }));
  }
}
