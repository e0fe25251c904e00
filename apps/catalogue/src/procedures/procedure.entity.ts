import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CanonicalProcedure, NationalProcedureRecord } from '@lienthong/domain-procedure';

/** A procedure of the national catalogue: its canonical form, published version and the national record it came from. */
@Entity({ name: 'procedures' })
export class Procedure {
  /** National code, e.g. 1.000358 */
  @PrimaryColumn()
  code: string;

  /** Bumped on every change of content: consumers keep the newest version. */
  @Column('integer')
  version: number;

  @Column('text')
  name: string;

  @Column('jsonb')
  levels: string[];

  /** SHA-256 of the stable serialisation of canonical + record: an unchanged re-import is recognised by it. */
  @Column({ name: 'content_hash', type: 'char', length: 64 })
  contentHash: string;

  @Column('jsonb')
  canonical: CanonicalProcedure;

  @Column('jsonb')
  record: NationalProcedureRecord;

  @Column({ name: 'imported_at', type: 'timestamptz' })
  importedAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
