import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

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

/** How many fees wait, and since when the oldest: what /metrics shows of them. */
export interface AwaitingSummary {
  count: number;
  oldest: Date | null;
}

const requestOf = (row: Row): FeeRequestAwaitingProcedure => ({ sourceEventId: row.source_event_id, dossierCode: row.dossier_code, procedureCode: row.procedure_code, requestedAt: row.requested_at });

@Injectable()
export class AwaitingProcedureRepository {
  constructor(private readonly dataSource: DataSource) {}

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
    return rows.map(requestOf);
  }

  /** Oldest first, optionally of one procedure. */
  async findPage(procedureCode: string | undefined, page: number, pageSize: number): Promise<[FeeRequestAwaitingProcedure[], number]> {
    const params: unknown[] = procedureCode ? [procedureCode] : [];
    const where = procedureCode ? 'WHERE procedure_code = $1' : '';
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `SELECT * FROM fee_requests_awaiting_procedure ${where} ORDER BY requested_at, source_event_id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, pageSize, (page - 1) * pageSize],
      ),
      this.dataSource.query(`SELECT count(*)::int AS total FROM fee_requests_awaiting_procedure ${where}`, params),
    ]);
    return [(rows as Row[]).map(requestOf), total];
  }

  async summary(): Promise<AwaitingSummary> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS count, min(requested_at) AS oldest FROM fee_requests_awaiting_procedure`);
    return { count: row.count, oldest: row.oldest };
  }
}
