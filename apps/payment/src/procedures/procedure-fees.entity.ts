import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ProcedureFeeV1 } from '@lienthong/contracts';

/** payment's own copy of a procedure's fees, kept from procedure.published.v1: no synchronous call to the catalogue. */
@Entity({ name: 'procedure_fees' })
export class ProcedureFees {
  @PrimaryColumn()
  code: string;

  @Column('integer')
  version: number;

  @Column('text')
  name: string;

  @Column('jsonb')
  fees: ProcedureFeeV1[];

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
