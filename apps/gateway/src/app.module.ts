import { DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule } from '@lienthong/platform-http';
import { AccessModule } from './access/access.module';
import { AuditAnchor } from './audit/audit-anchor.entity';
import { AuditEntry } from './audit/audit-entry.entity';
import { AuditModule } from './audit/audit.module';
import { GatewayEnv } from './config';
import { DocsModule } from './docs/docs.module';
import { ExchangeRecord } from './exchanges/exchange-record.entity';
import { ExchangesModule } from './exchanges/exchanges.module';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { Initial1763900000000 } from './migrations/1763900000000-initial';
import { ExchangeRecords1764000000002 } from './migrations/1764000000002-exchange-records';
import { ParticipantsAudit1764003000000 } from './migrations/1764003000000-participants-audit';
import { OAuth1764004000000 } from './migrations/1764004000000-oauth';
import { AuditGuard1764005000000 } from './migrations/1764005000000-audit-guard';
import { ClientCertificates1764006000000 } from './migrations/1764006000000-client-certificates';
import { ExchangeSubjects1764900000000 } from './migrations/1764900000000-exchange-subjects';
import { ProxyModule } from './proxy/proxy.module';
import { redisProvider, RedisReadiness } from './redis.provider';
import { Agency } from './registry/agency.entity';
import { ApiKey } from './registry/api-key.entity';
import { ClientCertificate } from './registry/client-certificate.entity';
import { ClientSystem } from './registry/client-system.entity';
import { Grant } from './registry/grant.entity';
import { RegistryModule } from './registry/registry.module';

const ENTITIES = [ClientSystem, ApiKey, Grant, ExchangeRecord, Agency, AuditEntry, AuditAnchor, ClientCertificate];
const MIGRATIONS = [Initial1763900000000, ExchangeRecords1764000000002, ParticipantsAudit1764003000000, OAuth1764004000000, AuditGuard1764005000000, ClientCertificates1764006000000, ExchangeSubjects1764900000000];

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
        AuditModule,
        RegistryModule,
        ExchangesModule,
        ProxyModule,
        IdempotencyModule,
        DocsModule,
      ],
    };
  }
}
