import { Injectable } from '@nestjs/common';
import { AccessTokenService } from '../oauth/access-token.service';
import { Credential, RegistryRepository } from '../registry/registry.repository';
import { AccessException, AccessProblem } from './access.exception';
import { CredentialCache } from './credential-cache';

/**
 * Finds the system behind an access token (Authorization: Bearer, RFC 6750). The token only proves who the caller is;
 * its grants and status come from the same cached registry lookup as for API keys, so a system suspended after its
 * token was issued is refused within seconds.
 */
@Injectable()
export class BearerTokenAuthenticator {
  constructor(private readonly tokens: AccessTokenService, private readonly registry: RegistryRepository, private readonly cache: CredentialCache) {}

  async authenticate(token: string): Promise<Credential> {
    const check = await this.tokens.check(token);
    if ('refused' in check) throw new AccessException(AccessProblem.InvalidCredentials, `the access token is not valid (${check.refused})`);
    const { systemId } = check;
    const credential = await this.cache.get(`system:${systemId}`, () => this.registry.findSystemCredential(systemId));
    if (!credential) throw new AccessException(AccessProblem.InvalidCredentials, 'the system of the access token is unknown or suspended');
    return credential;
  }
}
