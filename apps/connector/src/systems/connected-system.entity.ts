import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** How the connector talks to a system; each protocol has one adapter. */
export type SystemProtocol = 'DVCQG_SESSION';

/** push: the system reports its dossiers' statuses itself; pull: it cannot, and the connector looks them up on a schedule. */
export type SyncMode = 'push' | 'pull';

/** A legacy system the connector delivers to and calls services of. Its secret is never stored here, only how to obtain it. */
@Entity({ name: 'systems' })
export class ConnectedSystem {
  /** X-Road style id, e.g. VN/GOV/000.00.00.H56/MOTCUA */
  @PrimaryColumn()
  code: string;

  @Column('text')
  name: string;

  @Column({ name: 'agency_code' })
  agencyCode: string;

  /** The province whose dossiers the system processes; null for ministry systems. */
  @Column({ name: 'province_code', type: 'char', length: 3, nullable: true })
  provinceCode: string | null;

  @Column({ type: 'varchar' })
  protocol: SystemProtocol;

  @Column('text')
  endpoint: string;

  @Column()
  username: string;

  /** Where the password comes from, e.g. 'demo-seed' (derived from DEMO_SEED_SECRET at use time). */
  @Column({ name: 'credentials_ref' })
  credentialsRef: string;

  /** How long a client's call of one of its services may take; null: SERVICE_CALL_TIMEOUT_MS. */
  @Column({ name: 'call_timeout_ms', type: 'integer', nullable: true })
  callTimeoutMs: number | null;

  @Column({ name: 'sync_mode', type: 'varchar' })
  syncMode: SyncMode;

  /** In pull mode, how long after one look-up of a dossier's status the next one is made. */
  @Column({ name: 'poll_interval_ms', type: 'integer' })
  pollIntervalMs: number;

  @Column('boolean')
  enabled: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
