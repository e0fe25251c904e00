import { DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule } from '@lienthong/platform-http';
import { GatewayEnv } from './config';
import { Initial1763900000000 } from './migrations/1763900000000-initial';
import { ApiKey } from './registry/api-key.entity';
import { ClientSystem } from './registry/client-system.entity';
import { Grant } from './registry/grant.entity';
import { RegistryRepository } from './registry/registry.repository';
import { DemoClientsSeeder } from './registry/demo-clients.seeder';
import { ApiKeyAuthenticator } from './access/api-key.authenticator';
import { ClientRateLimiter } from './access/client-rate-limiter';
import { GrantGuard } from './access/grant.guard';
import { UpstreamProxy } from './proxy/upstream.proxy';
import { DossiersController } from './proxy/dossiers.controller';
import { ProceduresController } from './proxy/procedures.controller';
import { redisProvider, RedisReadiness } from './redis.provider';

@Module({})
export class AppModule {
  static register(config: GatewayEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forService({
          name: 'gateway',
          config,
          database: { schema: 'gateway', entities: [ClientSystem, ApiKey, Grant], migrations: [Initial1763900000000] },
          providers: [redisProvider, RedisReadiness],
          readiness: [RedisReadiness],
        }),
      ],
      controllers: [DossiersController, ProceduresController],
      providers: [RegistryRepository, DemoClientsSeeder, ApiKeyAuthenticator, ClientRateLimiter, GrantGuard, UpstreamProxy],
    };
  }
}
