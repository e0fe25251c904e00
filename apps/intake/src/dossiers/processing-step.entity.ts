import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A step of a dossier's processing as the one-stop system logged it (CapNhatTienDoHoSoMC): who did what, when. */
@Entity({ name: 'dossier_steps' })
export class ProcessingStep {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'dossier_code' })
  dossierCode: string;

  /** NguoiXuLy */
  @Column()
  handler: string;

  /** ChucDanh */
  @Column({ type: 'varchar', nullable: true })
  position: string | null;

  /** PhongBanXuLy */
  @Column({ type: 'varchar', nullable: true })
  department: string | null;

  /** NoiDungXuLy */
  @Column('text')
  content: string;

  /** TrangThai as reported: a status, or a word of the system's. */
  @Column({ type: 'varchar', nullable: true })
  status: string | null;

  /** ThoiDiemXuLy */
  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  /** NgayBatDau */
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  /** NgayKetThucTheoQuyDinh: when the step was due by the rules. */
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  @Column()
  actor: string;

  @Column({ name: 'content_hash', type: 'char', length: 64 })
  contentHash: string;
}
