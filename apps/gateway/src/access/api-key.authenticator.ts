import { Injectable } from '@nestjs/common';
import { Credential, RegistryRepository } from '../registry/registry.repository';
import { AccessException, AccessProblem } from './access.exception';
import { hashApiKey } from './api-key-hash';
import { CredentialCache } from './credential-cache';

/** Finds the system behind an API key (x-api-key header). */
@Injectable()
export class ApiKeyAuthenticator {
  constructor(private readonly registry: RegistryRepository, private readonly cache: CredentialCache) {}

  async authenticate(apiKey: string | undefined): Promise<Credential> {
    if (!apiKey) throw new AccessException(AccessProblem.MissingCredentials, 'send an API key in the x-api-key header or an access token as Authorization: Bearer');
    const hash = hashApiKey(apiKey);
    const credential = await this.cache.get(`api-key:${hash}`, () => this.registry.findCredential(hash));
    if (!credential) throw new AccessException(AccessProblem.InvalidCredentials, 'the API key is unknown, revoked, or its system is suspended');
    return credential;
  }
}
