import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A client certificate standing for its system over mutual TLS, found by the SHA-256 of its DER form. Only what
 * operators need to tell certificates apart is kept; a revoked one stays, so that it can never be registered again.
 */
@Entity({ name: 'client_certificates' })
export class ClientCertificate {
  @PrimaryColumn({ type: 'char', length: 64 })
  fingerprint: string;

  @Column({ name: 'system_id' })
  systemId: string;

  @Column('text')
  subject: string;

  @Column('text')
  issuer: string;

  @Column({ name: 'serial_number' })
  serialNumber: string;

  @Column({ name: 'not_before', type: 'timestamptz' })
  notBefore: Date;

  @Column({ name: 'not_after', type: 'timestamptz' })
  notAfter: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
