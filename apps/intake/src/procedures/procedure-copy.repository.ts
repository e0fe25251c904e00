import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { ProcedurePublishedV1 } from '@lienthong/contracts';
import { ProcedureCopy } from './procedure-copy.entity';

@Injectable()
export class ProcedureCopyRepository {
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
  }

  /** Inside a transaction, pass its manager: a second connection per transaction starves the pool under load. */
  findByCode(code: string, manager: EntityManager = this.dataSource.manager): Promise<ProcedureCopy | null> {
    return manager.getRepository(ProcedureCopy).findOneBy({ code });
  }
}
