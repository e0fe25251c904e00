import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CanonicalProcedure, NationalProcedureRecord } from '@lienthong/domain-procedure';

/** One published version of a procedure, kept as it was: what a dossier filed under that version was judged by. */
@Entity({ name: 'procedure_versions' })
export class ProcedureVersion {
  @PrimaryColumn()
  code: string;

  @PrimaryColumn('integer')
  version: number;

  @Column({ name: 'content_hash', type: 'char', length: 64 })
  contentHash: string;

  @Column('jsonb')
  canonical: CanonicalProcedure;

  @Column('jsonb')
  record: NationalProcedureRecord;

  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt: Date;
}
