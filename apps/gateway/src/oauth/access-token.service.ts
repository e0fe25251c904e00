import { Injectable } from '@nestjs/common';
import { errors, JWTHeaderParameters, jwtVerify, SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { GatewayEnv } from '../config';
import { SigningKeyRing, TOKEN_ALG } from './signing-key-ring';

export const TOKEN_AUDIENCE = 'lienthong';
/** RFC 9068 access token type: no other JWT signed by the same key passes for an access token. */
const TOKEN_TYPE = 'at+jwt';
/** Ours are well under 1 KiB; anything much longer is refused before any parsing. */
const MAX_TOKEN_LENGTH = 4096;
/** Verified tokens kept at most: far more than the systems that hold live tokens at once. */
const MAX_VERIFIED = 10_000;

export type TokenCheck = { systemId: string } | { refused: string };

/** Issues and checks the short-lived access tokens (signed JWTs) of OAuth2 client credentials. */
@Injectable()
export class AccessTokenService {
  /**
   * Tokens already verified, until they expire: an ES256 verification costs more CPU than the rest of a call
   * (bench/gateway). A token's verdict cannot change before its exp: a signing key stays published as long as the
   * tokens it signed live, and a suspended system is refused by the registry lookup that follows the check.
   */
  private readonly verified = new Map<string, { systemId: string; until: number }>();

  constructor(private readonly keys: SigningKeyRing, private readonly config: GatewayEnv) {}

  async issue(systemId: string): Promise<{ token: string; expiresIn: number }> {
    const { kid, privateKey } = this.keys.signingKey();
    const issuedAt = Math.floor(Date.now() / 1000);
    const expiresIn = this.config.GATEWAY_TOKEN_TTL_SECONDS;
    const token = await new SignJWT({ client_id: systemId })
      .setProtectedHeader({ alg: TOKEN_ALG, kid, typ: TOKEN_TYPE })
      .setIssuer(this.config.GATEWAY_TOKEN_ISSUER)
      .setSubject(systemId)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + expiresIn)
      .setJti(randomUUID())
      .sign(privateKey);
    return { token, expiresIn };
  }

  /** The system a token was issued to, or why it is refused: forged, expired, for another audience, unsigned, malformed. */
  async check(token: string): Promise<TokenCheck> {
    if (token.length > MAX_TOKEN_LENGTH) return { refused: 'the token is too long' };
    const known = this.verified.get(token);
    if (known && known.until > Date.now()) return { systemId: known.systemId };
    try {
      const { payload } = await jwtVerify(token, (header: JWTHeaderParameters) => this.keyFor(header), {
        algorithms: [TOKEN_ALG],
        typ: TOKEN_TYPE,
        issuer: this.config.GATEWAY_TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
        clockTolerance: this.config.GATEWAY_TOKEN_CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['sub', 'iat', 'exp', 'jti'],
      });
      this.remember(token, payload.sub!, payload.exp! * 1000);
      return { systemId: payload.sub! };
    } catch (error) {
      if (error instanceof errors.JOSEError) return { refused: error.code };
      throw error;
    }
  }

  private remember(token: string, systemId: string, until: number): void {
    if (this.verified.size >= MAX_VERIFIED) {
      const now = Date.now();
      for (const [known, entry] of this.verified) if (entry.until <= now) this.verified.delete(known);
      if (this.verified.size >= MAX_VERIFIED) this.verified.clear();
    }
    this.verified.set(token, { systemId, until });
  }

  private async keyFor(header: JWTHeaderParameters) {
    const key = await this.keys.verificationKey(header.kid);
    if (!key) throw new errors.JWKSNoMatchingKey();
    return key;
  }
}
