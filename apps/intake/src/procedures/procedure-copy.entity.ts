import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ProcedureCaseV1, ProcedureDurationV1, ProcedureFeeV1 } from '@lienthong/contracts';

/** intake's own copy of a catalogue procedure, kept from procedure.published.v1: no synchronous call at submission. */
@Entity({ name: 'procedures' })
export class ProcedureCopy {
  @PrimaryColumn()
  code: string;

  @Column('integer')
  version: number;

  @Column('text')
  name: string;

  @Column({ name: 'submission_methods', type: 'jsonb' })
  submissionMethods: string[];

  @Column('jsonb')
  cases: ProcedureCaseV1[];

  @Column('jsonb')
  fees: ProcedureFeeV1[];

  /** The procedure's processing time; a case may have its own. Null for a copy kept before times were copied. */
  @Column({ name: 'processing_time', type: 'jsonb', nullable: true })
  processingTime: ProcedureDurationV1 | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
