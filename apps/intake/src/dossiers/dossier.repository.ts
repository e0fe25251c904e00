import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Dossier } from './dossier.entity';
import { DossierTimelineEntry } from './dossier-timeline-entry.entity';

@Injectable()
export class DossierRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The next daily sequence for an agency. The counter row stays locked until the caller's transaction
   * ends, so concurrent submissions never share a number, and a rolled-back submission leaves no gap.
   */
  async nextSequence(manager: EntityManager, agencyCode: string, day: string): Promise<number> {
    const [row] = await manager.query(
      `INSERT INTO dossier_sequences (agency_code, day, last_value) VALUES ($1, $2, 1)
       ON CONFLICT (agency_code, day) DO UPDATE SET last_value = dossier_sequences.last_value + 1
       RETURNING last_value`,
      [agencyCode, day],
    );
    return row.last_value;
  }

  async insert(manager: EntityManager, dossier: Dossier, entry: Partial<DossierTimelineEntry>): Promise<void> {
    await manager.insert(Dossier, dossier);
    await manager.insert(DossierTimelineEntry, entry);
  }

  async updateStatus(manager: EntityManager, dossier: Dossier, entry: Partial<DossierTimelineEntry>): Promise<void> {
    await manager.update(Dossier, { code: dossier.code }, { status: dossier.status, updatedAt: dossier.updatedAt });
    await manager.insert(DossierTimelineEntry, entry);
  }

  findByPartnerReference(sourceSystem: string, partnerReference: string): Promise<Dossier | null> {
    return this.dataSource.getRepository(Dossier).findOneBy({ sourceSystem, partnerReference });
  }

  /** Locks the dossier for the rest of the transaction: its status changes one at a time. */
  findForUpdate(manager: EntityManager, code: string): Promise<Dossier | null> {
    return manager.getRepository(Dossier).findOne({ where: { code }, lock: { mode: 'pessimistic_write' } });
  }

  findByCode(code: string): Promise<Dossier | null> {
    return this.dataSource.getRepository(Dossier).findOneBy({ code });
  }

  timelineOf(code: string): Promise<DossierTimelineEntry[]> {
    return this.dataSource.getRepository(DossierTimelineEntry).find({ where: { dossierCode: code }, order: { id: 'ASC' } });
  }
}
