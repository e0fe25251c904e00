import { Injectable } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Credential } from '../registry/registry.repository';
import { AccessException, AccessProblem } from './access.exception';
import { ApiKeyAuthenticator } from './api-key.authenticator';
import { BearerTokenAuthenticator } from './bearer-token.authenticator';
import { ClientCertificateAuthenticator, presentsCertificate } from './client-certificate.authenticator';

const BEARER = /^Bearer +([\w.~+/-]+=*) *$/i;

/**
 * Identifies the calling system by whichever credential it sends: an access token (Authorization: Bearer, or a
 * dialect's session in the body), an API key, or else the client certificate of its TLS connection (mutual TLS).
 */
@Injectable()
export class RequestAuthenticator {
  constructor(
    private readonly apiKeys: ApiKeyAuthenticator,
    private readonly bearerTokens: BearerTokenAuthenticator,
    private readonly certificates: ClientCertificateAuthenticator,
  ) {}

  /** `sessionToken` is an access token the body carried (a dialect's session): it counts as sent with the request. */
  async authenticate(req: IncomingMessage, res: ServerResponse, sessionToken?: string): Promise<Credential> {
    const { authorization, 'x-api-key': apiKey } = req.headers;
    // a credential sent with the request wins over the connection's certificate
    if (authorization === undefined && apiKey === undefined) {
      if (sessionToken !== undefined) return this.bearerTokens.authenticate(sessionToken);
      if (presentsCertificate(req.socket)) return this.certificates.authenticate(req.socket);
    }
    if (authorization === undefined) return this.apiKeys.authenticate(apiKey === undefined ? undefined : String(apiKey));
    // RFC 6750 §3: a refused bearer request says how to authenticate
    res.setHeader('WWW-Authenticate', 'Bearer realm="lienthong", error="invalid_token"');
    if (apiKey !== undefined) throw new AccessException(AccessProblem.InvalidCredentials, 'send either an access token or an API key, not both');
    const token = BEARER.exec(authorization)?.[1];
    if (!token) throw new AccessException(AccessProblem.InvalidCredentials, 'the Authorization header must be "Bearer <access token>"');
    const credential = await this.bearerTokens.authenticate(token);
    res.removeHeader('WWW-Authenticate');
    return credential;
  }
}
