import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ApplicantV1, ContactV1 } from '@lienthong/contracts';

@Entity({ name: 'dossiers' })
export class Dossier {
  /** mã hồ sơ: <agency code>-<YYMMDD>-<NNNN> */
  @PrimaryColumn()
  code: string;

  @Column({ name: 'source_system' })
  sourceSystem: string;

  /** The submitting system's own reference: a retried submission finds its dossier again. */
  @Column({ name: 'partner_reference' })
  partnerReference: string;

  @Column({ name: 'procedure_code' })
  procedureCode: string;

  @Column({ name: 'procedure_name', type: 'text' })
  procedureName: string;

  @Column({ name: 'case_code', type: 'varchar', nullable: true })
  caseCode: string | null;

  @Column({ name: 'agency_code' })
  agencyCode: string;

  @Column({ name: 'province_code', type: 'char', length: 3 })
  provinceCode: string;

  @Column('smallint')
  channel: 1 | 2 | 3;

  @Column('jsonb')
  applicant: ApplicantV1;

  @Column('jsonb')
  contact: ContactV1;

  @Column({ type: 'varchar', length: 1000 })
  summary: string;

  @Column('smallint')
  status: number;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /** When processing time started counting: acceptance, or the return of a requested supplement. */
  @Column({ name: 'clock_started_at', type: 'timestamptz', nullable: true })
  clockStartedAt: Date | null;

  /** ngày hẹn trả: null before acceptance, while a supplement is awaited, and for a procedure without a time. */
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  /** When the dossier was found past its due date (dossier.overdue.v1); cleared when the due date moves. */
  @Column({ name: 'overdue_at', type: 'timestamptz', nullable: true })
  overdueAt: Date | null;
}
