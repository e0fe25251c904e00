import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditLog } from '../audit/audit-log.service';
import { hashClientSecret, newClientSecret } from './client-secret-hash';
import { ClientSecretRepository } from './client-secret.repository';
import { OAuthException, OAuthProblem } from './oauth.exception';

export interface IssuedClientSecret {
  id: string;
  systemId: string;
  /** Shown this once: only its hash is stored. */
  clientSecret: string;
  createdAt: Date;
}

/** Operators issue and revoke the client secrets systems use at POST /oauth/token; each change is audited with it. */
@Injectable()
export class ClientSecretsService {
  constructor(private readonly dataSource: DataSource, private readonly secrets: ClientSecretRepository, private readonly audit: AuditLog) {}

  async issue(actor: string, systemId: string): Promise<IssuedClientSecret> {
    const clientSecret = newClientSecret();
    const hashed = await hashClientSecret(clientSecret);
    return this.dataSource.transaction(async (manager) => {
      const stored = await this.secrets.insert(manager, randomUUID(), systemId, hashed);
      if (!stored) throw new OAuthException(OAuthProblem.SystemNotFound, `no system ${systemId}`, { systemId });
      await this.audit.append(manager, { actor, action: 'client-secret.issued', subject: systemId, details: { secretId: stored.id } });
      return { id: stored.id, systemId, clientSecret, createdAt: stored.createdAt };
    });
  }

  /** Tokens issued with the secret live on until they expire; suspend the system to cut them off at once. */
  async revoke(actor: string, secretId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const systemId = await this.secrets.revoke(manager, secretId);
      if (!systemId) throw new OAuthException(OAuthProblem.ClientSecretNotFound, `no client secret ${secretId}`);
      await this.audit.append(manager, { actor, action: 'client-secret.revoked', subject: systemId, details: { secretId } });
    });
  }
}
