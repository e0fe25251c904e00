import { Injectable } from '@nestjs/common';
import { RegistryRepository } from '../registry/registry.repository';
import { AccessTokenService } from './access-token.service';
import { clientSecretMatches } from './client-secret-hash';
import { ClientSecretRepository } from './client-secret.repository';
import { TokenError } from './token-error';
import { TokenRequestDto } from './token-request.dto';

export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
}

interface ClientCredentials {
  id: string;
  secret: string;
  basicAuthUsed: boolean;
}

const BASIC = /^Basic +([A-Za-z0-9+/]+=*) *$/i;

/** OAuth2 client credentials grant (RFC 6749 §4.4): a system proves itself with a client secret and gets a short-lived token. */
@Injectable()
export class TokenService {
  constructor(private readonly secrets: ClientSecretRepository, private readonly registry: RegistryRepository, private readonly tokens: AccessTokenService) {}

  async issue(request: TokenRequestDto, authorization: string | undefined): Promise<TokenResponse> {
    const client = clientOf(request, authorization);
    if (request.grant_type !== 'client_credentials') throw new TokenError('unsupported_grant_type', 'only the client_credentials grant is supported');
    const credential = (await this.secretMatches(client)) ? await this.registry.findSystemCredential(client.id) : null;
    if (!credential) throw new TokenError('invalid_client', 'the client is unknown, its secret is wrong or revoked, or it is suspended', client.basicAuthUsed);
    const { token, expiresIn } = await this.tokens.issue(credential.system.id);
    return { access_token: token, token_type: 'Bearer', expires_in: expiresIn };
  }

  private async secretMatches(client: ClientCredentials): Promise<boolean> {
    for (const stored of await this.secrets.liveSecretsOf(client.id)) {
      if (await clientSecretMatches(client.secret, stored)) return true;
    }
    return false;
  }
}

/** The client's credentials, from HTTP Basic or the body (RFC 6749 §2.3.1), never both. */
function clientOf(request: TokenRequestDto, authorization: string | undefined): ClientCredentials {
  if (authorization === undefined) {
    if (!request.client_id || !request.client_secret) throw new TokenError('invalid_client', 'authenticate with HTTP Basic, or send client_id and client_secret');
    return { id: request.client_id, secret: request.client_secret, basicAuthUsed: false };
  }
  const encoded = BASIC.exec(authorization)?.[1];
  if (!encoded) throw new TokenError('invalid_client', 'the Authorization header must be HTTP Basic with the client id and secret', true);
  if (request.client_secret !== undefined) throw new TokenError('invalid_request', 'authenticate either with HTTP Basic or with client_secret in the body, not both');
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const id = colon < 0 ? undefined : formDecode(decoded.slice(0, colon));
  const secret = colon < 0 ? undefined : formDecode(decoded.slice(colon + 1));
  if (!id || !secret) throw new TokenError('invalid_client', 'HTTP Basic credentials must be client_id:client_secret', true);
  if (request.client_id !== undefined && request.client_id !== id) throw new TokenError('invalid_request', 'client_id in the body differs from HTTP Basic');
  return { id, secret, basicAuthUsed: true };
}

/** RFC 6749 §2.3.1: the id and secret are form-encoded before Basic encoding (system ids contain '/'). */
function formDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}
