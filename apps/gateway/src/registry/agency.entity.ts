import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AgencyKind } from '@lienthong/domain-registry';

/** A state agency systems belong to: a ministry or central body (G..), a province (H..), a commune. */
@Entity({ name: 'agencies' })
export class Agency {
  @PrimaryColumn()
  code: string;

  @Column('text')
  name: string;

  @Column({ type: 'varchar' })
  kind: AgencyKind;

  @Column({ name: 'parent_code', type: 'varchar', nullable: true })
  parentCode: string | null;
}
