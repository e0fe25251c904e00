import { Global, Module } from '@nestjs/common';
import { OAuthModule } from '../oauth/oauth.module';
import { DemoClientsSeeder } from '../registry/demo-clients.seeder';
import { RegistryRepository } from '../registry/registry.repository';
import { ApiKeyAuthenticator } from './api-key.authenticator';
import { BearerTokenAuthenticator } from './bearer-token.authenticator';
import { ClientCertificateAuthenticator } from './client-certificate.authenticator';
import { ClientRateLimiter } from './client-rate-limiter';
import { CredentialCache } from './credential-cache';
import { GrantGuard } from './grant.guard';
import { RequestAuthenticator } from './request.authenticator';

/** Who may call what: the registry of client systems, their credentials (API keys, access tokens, client certificates), grants and rate limits. */
@Global()
@Module({
  imports: [OAuthModule],
  providers: [RegistryRepository, DemoClientsSeeder, CredentialCache, ApiKeyAuthenticator, BearerTokenAuthenticator, ClientCertificateAuthenticator, RequestAuthenticator, ClientRateLimiter, GrantGuard],
  exports: [RegistryRepository, RequestAuthenticator, ClientRateLimiter, GrantGuard],
})
export class AccessModule {}
