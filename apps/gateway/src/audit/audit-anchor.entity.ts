import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The chain's head at a moment, also published as audit.anchored.v1 for witnesses outside the database. */
@Entity({ name: 'audit_anchors' })
export class AuditAnchor {
  @PrimaryColumn({ type: 'bigint' })
  seq: string;

  @Column({ type: 'char', length: 64 })
  hash: string;

  @Column({ name: 'anchored_at', type: 'timestamptz' })
  anchoredAt: Date;
}
