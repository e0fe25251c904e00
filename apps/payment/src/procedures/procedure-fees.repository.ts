import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { ProcedurePublishedV1 } from '@lienthong/contracts';
import { ProcedureFees } from './procedure-fees.entity';

@Injectable()
export class ProcedureFeesRepository {
  /** Keeps the newest version: an older event arriving late changes nothing. */
  async upsertNewer(manager: EntityManager, p: ProcedurePublishedV1): Promise<void> {
    await manager.query(
      `INSERT INTO procedure_fees (code, version, name, fees) VALUES ($1, $2, $3, $4)
       ON CONFLICT (code) DO UPDATE SET version = EXCLUDED.version, name = EXCLUDED.name, fees = EXCLUDED.fees, updated_at = now()
       WHERE procedure_fees.version < EXCLUDED.version`,
      [p.code, p.version, p.name, JSON.stringify(p.fees)],
    );
  }

  /** Serialises, per procedure, its publication with the status changes that find it missing (held to the commit). */
  async lock(manager: EntityManager, code: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('payment.procedure_fees'), hashtext($1))`, [code]);
  }

  findByCode(manager: EntityManager, code: string): Promise<ProcedureFees | null> {
    return manager.getRepository(ProcedureFees).findOneBy({ code });
  }
}
