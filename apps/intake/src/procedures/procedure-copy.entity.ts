import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ProcedureFeeV1 } from '@lienthong/contracts';

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
  cases: { code: string; name: string }[];

  @Column('jsonb')
  fees: ProcedureFeeV1[];

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
