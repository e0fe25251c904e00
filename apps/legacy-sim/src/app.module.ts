import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { HealthController, readinessChecks } from '@lienthong/platform-health';
import { loggerModule, MetricsController } from '@lienthong/platform-observability';
import { LegacySimEnv } from './config';
import { FaultMiddleware } from './one-stop/fault.middleware';
import { FaultSwitch } from './one-stop/fault.switch';
import { OneStopControlController } from './one-stop/one-stop-control.controller';
import { OneStopController } from './one-stop/one-stop.controller';
import { OneStopService } from './one-stop/one-stop.service';
import { OneStopStore } from './one-stop/one-stop.store';
import { SessionStore } from './one-stop/session.store';
import { StatusPusher } from './one-stop/status-pusher';
import { StatusPushSwitch } from './one-stop/status-push.switch';
import { CallbackSender } from './providers/callback-sender';
import { ProviderControlController } from './providers/provider-control.controller';
import { ProviderDesk } from './providers/provider-desk';
import { ProviderFaultSwitch } from './providers/provider-fault.switch';
import { ProviderLedger } from './providers/provider-ledger';
import { ProvidersController } from './providers/providers.controller';
import { SimProviders } from './providers/sim-providers';
import { SmsCenter } from './sms/sms-center';
import { SmsController } from './sms/sms.controller';
import { MailBox } from './smtp/mail-box';
import { SmtpController } from './smtp/smtp.controller';
import { SmtpSink } from './smtp/smtp-sink';

/**
 * legacy-sim is no backbone service: no database, no Kafka, only in-memory simulated systems (the provinces' one-stop
 * software, the payment providers, the SMS gateway, the SMTP sink). It is
 * wired like the others otherwise (logs, health, metrics, graceful shutdown).
 */
@Module({})
export class AppModule implements NestModule {
  static register(config: LegacySimEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [loggerModule('legacy-sim', config.LOG_LEVEL)],
      controllers: [HealthController, MetricsController, OneStopController, OneStopControlController, SmtpController, ProvidersController, ProviderControlController, SmsController],
      providers: [
        { provide: LegacySimEnv, useValue: config },
        { provide: SessionStore, useFactory: () => new SessionStore() },
        { provide: FaultSwitch, useFactory: () => new FaultSwitch() },
        { provide: StatusPushSwitch, useFactory: () => new StatusPushSwitch() },
        { provide: OneStopStore, useFactory: () => new OneStopStore() },
        { provide: MailBox, useFactory: () => new MailBox() },
        { provide: SimProviders, useFactory: () => new SimProviders(config.DEMO_SEED_SECRET) },
        { provide: ProviderLedger, useFactory: () => new ProviderLedger() },
        { provide: ProviderFaultSwitch, useFactory: () => new ProviderFaultSwitch() },
        CallbackSender,
        SmsCenter,
        ProviderDesk,
        StatusPusher,
        OneStopService,
        SmtpSink,
        readinessChecks(SmtpSink),
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(FaultMiddleware).forRoutes(OneStopController);
  }
}
