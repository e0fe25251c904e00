import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One link of the audit hash chain; rows are only ever appended (see AuditLog). */
@Entity({ name: 'audit_log' })
export class AuditEntry {
  @PrimaryColumn({ type: 'bigint' })
  seq: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column()
  actor: string;

  @Column()
  action: string;

  @Column()
  subject: string;

  @Column('jsonb')
  details: Record<string, unknown>;

  @Column({ name: 'prev_hash', type: 'char', length: 64 })
  prevHash: string;

  @Column({ type: 'char', length: 64 })
  hash: string;
}
