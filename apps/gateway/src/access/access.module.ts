import { Global, Module } from '@nestjs/common';
import { DemoClientsSeeder } from '../registry/demo-clients.seeder';
import { RegistryRepository } from '../registry/registry.repository';
import { ApiKeyAuthenticator } from './api-key.authenticator';
import { ClientRateLimiter } from './client-rate-limiter';
import { GrantGuard } from './grant.guard';

/** Who may call what: the registry of client systems, their credentials, grants and rate limits. */
@Global()
@Module({
  providers: [RegistryRepository, DemoClientsSeeder, ApiKeyAuthenticator, ClientRateLimiter, GrantGuard],
  exports: [RegistryRepository, ApiKeyAuthenticator, ClientRateLimiter, GrantGuard],
})
export class AccessModule {}
