import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { CanonicalProcedure, NationalProcedureRecord } from '@lienthong/domain-procedure';
import { Procedure } from './procedure.entity';

export interface ProcedureContent {
  canonical: CanonicalProcedure;
  record: NationalProcedureRecord;
  contentHash: string;
}

export interface ProcedureSearch {
  /** Part of the name or the code, any case. */
  text?: string;
  /** The national code behind the text when it is a code in any form (1.000358.H56 finds 1.000358). */
  code?: string;
  level?: string;
  page: number;
  pageSize: number;
}

/** LIKE treats % and _ as wildcards: a search text matches them literally. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

@Injectable()
export class ProcedureRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Stores new or changed content as the next version, in one statement so that concurrent imports of
   * the same code never share a version. Answers the stored version, or undefined when the content is unchanged.
   */
  async upsertIfChanged(manager: EntityManager, content: ProcedureContent, at: Date): Promise<number | undefined> {
    const { canonical, record, contentHash } = content;
    const rows: { version: number }[] = await manager.query(
      `INSERT INTO procedures (code, version, name, levels, content_hash, canonical, record, imported_at, updated_at)
       VALUES ($1, 1, $2, $3, $4, $5, $6, $7, $7)
       ON CONFLICT (code) DO UPDATE SET version = procedures.version + 1, name = EXCLUDED.name, levels = EXCLUDED.levels,
         content_hash = EXCLUDED.content_hash, canonical = EXCLUDED.canonical, record = EXCLUDED.record, updated_at = EXCLUDED.updated_at
       WHERE procedures.content_hash <> EXCLUDED.content_hash
       RETURNING version`,
      [canonical.code, canonical.name, JSON.stringify(canonical.levels), contentHash, JSON.stringify(canonical), JSON.stringify(record), at],
    );
    return rows[0]?.version;
  }

  findByCode(code: string): Promise<Procedure | null> {
    return this.dataSource.getRepository(Procedure).findOneBy({ code });
  }

  /** One page of procedures in code order, with the number of all matches. */
  search({ text, code, level, page, pageSize }: ProcedureSearch): Promise<[Procedure[], number]> {
    // a list shows no canonical body nor national record: they are what GET /procedures/:code is for
    const query = this.dataSource.getRepository(Procedure).createQueryBuilder('p').select(['p.code', 'p.name', 'p.levels', 'p.version', 'p.updatedAt']);
    if (text) {
      query.andWhere('(p.name ILIKE :pattern OR p.code ILIKE :pattern OR p.code = :code)', { pattern: likePattern(text), code: code ?? null });
    }
    if (level) query.andWhere('p.levels @> :levels::jsonb', { levels: JSON.stringify([level]) });
    return query
      .orderBy('p.code')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
  }
}
