import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, JWK, KeyLike } from 'jose';
import { PollingLoop } from '@lienthong/platform-database';
import { AuditLog } from '../audit/audit-log.service';
import { GatewayEnv } from '../config';
import { openPrivateKey, sealPrivateKey } from './key-sealing';
import { NewSigningKey, SigningKeyRepository } from './signing-key.repository';

export const TOKEN_ALG = 'ES256';

/** A token naming a kid this instance has not loaded makes it look again, at most this often (a forged kid costs little). */
const UNKNOWN_KID_RELOAD_MS = 1000;

interface PublishedKey {
  jwk: JWK;
  publicKey: KeyLike;
}

/**
 * This instance's view of the signing keys in the database: the active key signs, the published ones (the active key
 * and those retired less than a token lifetime ago) verify. Every instance reloads them every few seconds, and at once
 * when a token names a kid it does not know, so a rotation on one instance is honoured by all without downtime.
 */
@Injectable()
export class SigningKeyRing implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('SigningKeyRing');
  private readonly encryptionKey: Buffer;
  private readonly loop: PollingLoop;
  private signing: { kid: string; privateKey: KeyLike } | undefined;
  private published = new Map<string, PublishedKey>();
  private loadedAt = 0;
  private started = 0;
  private applied = 0;
  private inFlight: Promise<void> | undefined;

  constructor(private readonly repository: SigningKeyRepository, private readonly audit: AuditLog, private readonly config: GatewayEnv) {
    this.encryptionKey = Buffer.from(config.GATEWAY_KEY_ENCRYPTION_KEY, 'base64');
    this.loop = new PollingLoop('signing-keys', () => this.reloadShared().then(() => 0), {
      idleMs: config.GATEWAY_SIGNING_KEY_RELOAD_MS,
      errorMs: config.GATEWAY_SIGNING_KEY_RELOAD_MS,
      onError: (name, error) => this.logger.error(`${name}: reload failed, the keys loaded before stay in use: ${String(error)}`),
    });
  }

  async onModuleInit(): Promise<void> {
    await this.repository.ensureActive(() => this.generate());
    await this.reload();
    this.loop.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
  }

  signingKey(): { kid: string; privateKey: KeyLike } {
    if (!this.signing) throw new Error('no signing key loaded');
    return this.signing;
  }

  async verificationKey(kid: string | undefined): Promise<KeyLike | undefined> {
    if (kid === undefined) return undefined;
    if (!this.published.has(kid) && Date.now() - this.loadedAt >= UNKNOWN_KID_RELOAD_MS) {
      await this.reloadShared().catch((error) => this.logger.warn(`reload for an unknown kid failed: ${String(error)}`));
    }
    return this.published.get(kid)?.publicKey;
  }

  jwks(): { keys: JWK[] } {
    return { keys: [...this.published.values()].map((key) => key.jwk) };
  }

  /** Activates a new key; the previous one stays published until the tokens it signed have expired. */
  async rotate(actor: string): Promise<{ kid: string; activatedAt: Date }> {
    const key = await this.generate();
    const row = await this.repository.rotate(key, (manager, retired) =>
      this.audit.append(manager, { actor, action: 'signing-key.rotated', subject: key.kid, details: { retired } }),
    );
    await this.reload();
    this.logger.log(`signing key ${row.kid} activated`);
    return { kid: row.kid, activatedAt: row.activatedAt };
  }

  private async generate(): Promise<NewSigningKey> {
    const { publicKey, privateKey } = await generateKeyPair(TOKEN_ALG, { extractable: true });
    const publicJwk = await exportJWK(publicKey);
    const kid = await calculateJwkThumbprint(publicJwk);
    const sealedPrivateJwk = sealPrivateKey(this.encryptionKey, kid, JSON.stringify(await exportJWK(privateKey)));
    return { kid, publicJwk: { ...publicJwk, kid, alg: TOKEN_ALG, use: 'sig' }, sealedPrivateJwk };
  }

  /** Joins a reload already under way rather than starting another. */
  private reloadShared(): Promise<void> {
    this.inFlight ??= this.reload().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private async reload(): Promise<void> {
    const order = ++this.started;
    // a key retired while another instance still signed with it (until its next reload) may have signed tokens that
    // late, so it stays published for a token lifetime plus a reload interval and the tolerated clock skew
    const retention = this.config.GATEWAY_TOKEN_TTL_SECONDS * 1000 + this.config.GATEWAY_SIGNING_KEY_RELOAD_MS + this.config.GATEWAY_TOKEN_CLOCK_TOLERANCE_SECONDS * 1000;
    const rows = await this.repository.published(new Date(Date.now() - retention));
    const published = new Map<string, PublishedKey>();
    for (const row of rows) {
      published.set(row.kid, this.published.get(row.kid) ?? { jwk: row.publicJwk, publicKey: (await importJWK(row.publicJwk, TOKEN_ALG)) as KeyLike });
    }
    const active = rows.find((row) => row.retiredAt === null);
    const signing = active && active.kid !== this.signing?.kid
      ? { kid: active.kid, privateKey: (await importJWK(JSON.parse(openPrivateKey(this.encryptionKey, active.kid, active.sealedPrivateJwk)), TOKEN_ALG)) as KeyLike }
      : this.signing;
    // a slower reload that started earlier must not undo a newer one (e.g. the reload right after a rotation)
    if (order < this.applied) return;
    this.applied = order;
    this.published = published;
    this.signing = signing;
    this.loadedAt = Date.now();
  }
}
