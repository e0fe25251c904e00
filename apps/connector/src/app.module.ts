import { DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule } from '@lienthong/platform-http';
import { AdapterRegistry } from './adapters/adapter-registry';
import { DvcqgSessionAdapter } from './adapters/dvcqg-session/dvcqg-session.adapter';
import { ConnectorEnv } from './config';
import { DeliveriesController } from './deliveries/deliveries.controller';
import { Delivery } from './deliveries/delivery.entity';
import { DeliveryRepository } from './deliveries/delivery.repository';
import { DeliveryService } from './deliveries/delivery.service';
import { DeliveryWorker } from './deliveries/delivery.worker';
import { DossierSubmittedConsumer } from './deliveries/dossier-submitted.consumer';
import { Initial1764000000000 } from './migrations/1764000000000-initial';
import { ServiceCallTimeouts1764100000000 } from './migrations/1764100000000-service-call-timeouts';
import { PullMode1764800000000 } from './migrations/1764800000000-pull-mode';
import { CircuitBreakers } from './service-calls/circuit-breakers';
import { ServiceCallService } from './service-calls/service-call.service';
import { ServiceCallsController } from './service-calls/service-calls.controller';
import { DossierStatusChangedConsumer } from './status-polls/dossier-status-changed.consumer';
import { StatusPollService } from './status-polls/status-poll.service';
import { StatusPollWorker } from './status-polls/status-poll.worker';
import { StatusWatch } from './status-polls/status-watch.entity';
import { StatusWatchRepository } from './status-polls/status-watch.repository';
import { ConnectedSystem } from './systems/connected-system.entity';
import { DemoSystemsSeeder } from './systems/demo-systems.seeder';
import { SystemCredentials } from './systems/system-credentials';
import { SystemRepository } from './systems/system.repository';
import { SystemsController } from './systems/systems.controller';

@Module({})
export class AppModule {
  static register(config: ConnectorEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forService({
          name: 'connector',
          config,
          database: {
            schema: 'connector',
            entities: [ConnectedSystem, Delivery, StatusWatch],
            migrations: [Initial1764000000000, ServiceCallTimeouts1764100000000, PullMode1764800000000],
          },
        }),
      ],
      controllers: [SystemsController, DeliveriesController, ServiceCallsController],
      providers: [
        { provide: ConnectorEnv, useValue: config },
        SystemRepository,
        SystemCredentials,
        DemoSystemsSeeder,
        DvcqgSessionAdapter,
        AdapterRegistry,
        DeliveryRepository,
        DeliveryService,
        DossierSubmittedConsumer,
        DeliveryWorker,
        CircuitBreakers,
        ServiceCallService,
        StatusWatchRepository,
        StatusPollService,
        StatusPollWorker,
        DossierStatusChangedConsumer,
      ],
    };
  }
}
