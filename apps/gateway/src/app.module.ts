import { DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule } from '@lienthong/platform-http';
import { AccessModule } from './access/access.module';
import { GatewayEnv } from './config';
import { Initial1763900000000 } from './migrations/1763900000000-initial';
import { ProxyModule } from './proxy/proxy.module';
import { redisProvider, RedisReadiness } from './redis.provider';
import { ApiKey } from './registry/api-key.entity';
import { ClientSystem } from './registry/client-system.entity';
import { Grant } from './registry/grant.entity';

const ENTITIES = [ClientSystem, ApiKey, Grant];
const MIGRATIONS = [Initial1763900000000];

@Module({})
export class AppModule {
  static register(config: GatewayEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forService({
          name: 'gateway',
          config,
          database: { schema: 'gateway', entities: ENTITIES, migrations: MIGRATIONS },
          providers: [redisProvider, RedisReadiness],
          readiness: [RedisReadiness],
        }),
        AccessModule,
        ProxyModule,
      ],
    };
  }
}
