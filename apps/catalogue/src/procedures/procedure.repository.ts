import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { CanonicalProcedure, NationalProcedureRecord, searchWordsOf } from '@lienthong/domain-procedure';
import { Procedure } from './procedure.entity';
import { searchColumnsOf } from './procedure-search-columns';
import { ProcedureVersion } from './procedure-version.entity';

export interface ProcedureContent {
  canonical: CanonicalProcedure;
  record: NationalProcedureRecord;
  contentHash: string;
}

export interface ProcedureSearch {
  /** Words of the name or the code, any case, with or without diacritics. */
  text?: string;
  /** The national code behind the text when it is a code in any form (1.000358.H56 finds 1.000358). */
  code?: string;
  level?: string;
  /** An agency's code (G02, UBNDCT) or words of its name. */
  agency?: string;
  /** A field's code (G02-CT19) or words of its name. */
  field?: string;
  page: number;
  pageSize: number;
}

/** LIKE treats % and _ as wildcards: a search word matches them literally. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Every word of the search in the column, as conditions with their own parameter names. */
function containsEveryWord(column: string, words: string[], name: string): [string, Record<string, string>] {
  const params = Object.fromEntries(words.map((word, i) => [`${name}${i}`, likePattern(word)]));
  return [Object.keys(params).map((key) => `${column} LIKE :${key}`).join(' AND ') || 'false', params];
}

/** A reference filter: the code exactly (any case), or every word of the name. */
function byCodeOrName(query: SelectQueryBuilder<Procedure>, value: string, kind: 'agency' | 'field'): void {
  const [names, params] = containsEveryWord(`p.${kind}_text`, searchWordsOf(value), `${kind}Word`);
  query.andWhere(`(:${kind}Code = ANY(p.${kind}_codes) OR (${names}))`, { [`${kind}Code`]: value.trim().toUpperCase(), ...params });
}

@Injectable()
export class ProcedureRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Stores new or changed content as the next version, in one statement so that concurrent imports of the same
   * code never share a version, and keeps that version whole. Answers the stored version, or undefined when the
   * content is unchanged.
   */
  async upsertIfChanged(manager: EntityManager, content: ProcedureContent, at: Date): Promise<number | undefined> {
    const { canonical, record, contentHash } = content;
    const s = searchColumnsOf(canonical);
    const rows: { version: number }[] = await manager.query(
      `INSERT INTO procedures (code, version, name, levels, content_hash, canonical, record, imported_at, updated_at,
         search_text, agency_codes, agency_text, field_codes, field_text)
       VALUES ($1, 1, $2, $3, $4, $5, $6, $7, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (code) DO UPDATE SET version = procedures.version + 1, name = EXCLUDED.name, levels = EXCLUDED.levels,
         content_hash = EXCLUDED.content_hash, canonical = EXCLUDED.canonical, record = EXCLUDED.record, updated_at = EXCLUDED.updated_at,
         search_text = EXCLUDED.search_text, agency_codes = EXCLUDED.agency_codes, agency_text = EXCLUDED.agency_text,
         field_codes = EXCLUDED.field_codes, field_text = EXCLUDED.field_text
       WHERE procedures.content_hash <> EXCLUDED.content_hash
       RETURNING version`,
      [canonical.code, canonical.name, JSON.stringify(canonical.levels), contentHash, JSON.stringify(canonical), JSON.stringify(record), at,
        s.searchText, s.agencyCodes, s.agencyText, s.fieldCodes, s.fieldText],
    );
    const version = rows[0]?.version;
    if (version !== undefined) {
      await manager.query(`INSERT INTO procedure_versions (code, version, content_hash, canonical, record, published_at) SELECT code, version, content_hash, canonical, record, updated_at FROM procedures WHERE code = $1`, [
        canonical.code,
      ]);
    }
    return version;
  }

  findByCode(code: string): Promise<Procedure | null> {
    return this.dataSource.getRepository(Procedure).findOneBy({ code });
  }

  /** The versions of a procedure, newest first, without their bodies. */
  listVersions(code: string): Promise<ProcedureVersion[]> {
    return this.dataSource.getRepository(ProcedureVersion).find({ select: ['code', 'version', 'contentHash', 'publishedAt'], where: { code }, order: { version: 'DESC' } });
  }

  findVersion(code: string, version: number): Promise<ProcedureVersion | null> {
    return this.dataSource.getRepository(ProcedureVersion).findOneBy({ code, version });
  }

  /** One page of procedures in code order, with the number of all matches. */
  search({ text, code, level, agency, field, page, pageSize }: ProcedureSearch): Promise<[Procedure[], number]> {
    // a list shows no canonical body nor national record: they are what GET /procedures/:code is for
    const query = this.dataSource.getRepository(Procedure).createQueryBuilder('p').select(['p.code', 'p.name', 'p.levels', 'p.version', 'p.updatedAt']);
    if (text) {
      const [words, params] = containsEveryWord('p.search_text', searchWordsOf(text), 'word');
      query.andWhere(`((${words}) OR p.code = :code)`, { ...params, code: code ?? null });
    }
    if (level) query.andWhere('p.levels @> :levels::jsonb', { levels: JSON.stringify([level]) });
    if (agency) byCodeOrName(query, agency, 'agency');
    if (field) byCodeOrName(query, field, 'field');
    return query
      .orderBy('p.code')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
  }
}
