import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DossierStatus } from '@lienthong/domain-dossier';

/** A status a processing system reported for a dossier; the dossier's status is folded from all of them. */
@Entity({ name: 'dossier_status_reports' })
export class StatusReportRecord {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'dossier_code' })
  dossierCode: string;

  @Column('smallint')
  status: DossierStatus;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column()
  actor: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;
}
