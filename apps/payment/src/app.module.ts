import { DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule } from '@lienthong/platform-http';
import { PaymentEnv } from './config';
import { Initial1764100000000 } from './migrations/1764100000000-initial';
import { DossierStatusChangedConsumer } from './payments/dossier-status-changed.consumer';
import { PaymentRequest } from './payments/payment-request.entity';
import { PaymentRequestRepository } from './payments/payment-request.repository';
import { PaymentRequestService } from './payments/payment-request.service';
import { PaymentsController } from './payments/payments.controller';
import { ProcedureFees } from './procedures/procedure-fees.entity';
import { ProcedureFeesRepository } from './procedures/procedure-fees.repository';
import { ProcedurePublishedConsumer } from './procedures/procedure-published.consumer';

@Module({})
export class AppModule {
  static register(config: PaymentEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forService({
          name: 'payment',
          config,
          database: { schema: 'payment', entities: [ProcedureFees, PaymentRequest], migrations: [Initial1764100000000] },
        }),
      ],
      controllers: [PaymentsController],
      providers: [ProcedureFeesRepository, ProcedurePublishedConsumer, PaymentRequestRepository, PaymentRequestService, DossierStatusChangedConsumer],
    };
  }
}
