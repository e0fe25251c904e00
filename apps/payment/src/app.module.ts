import { DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule } from '@lienthong/platform-http';
import { PaymentEnv } from './config';
import { PaymentAttemptRow } from './attempts/payment-attempt.entity';
import { PaymentAttemptRepository } from './attempts/payment-attempt.repository';
import { PaymentAttemptService } from './attempts/payment-attempt.service';
import { PaymentAttemptsController } from './attempts/payment-attempts.controller';
import { ProviderReportRow } from './attempts/provider-report.entity';
import { PendingAttemptsService } from './attempts/pending-attempts.service';
import { PendingAttemptsWorker } from './attempts/pending-attempts.worker';
import { ProviderReportService } from './attempts/provider-report.service';
import { Initial1764100000000 } from './migrations/1764100000000-initial';
import { Attempts1765000000000 } from './migrations/1765000000000-attempts';
import { QueriesReceipts1765000000001 } from './migrations/1765000000001-queries-receipts';
import { Reconciliation1765000000002 } from './migrations/1765000000002-reconciliation';
import { Refunds1765000000003 } from './migrations/1765000000003-refunds';
import { SecondPayments1765000000004 } from './migrations/1765000000004-second-payments';
import { AwaitingProcedure1765000000005 } from './migrations/1765000000005-awaiting-procedure';
import { AwaitingProcedureController } from './payments/awaiting-procedure.controller';
import { AwaitingProcedureMetrics } from './payments/awaiting-procedure.metrics';
import { AwaitingProcedureRepository } from './payments/awaiting-procedure.repository';
import { DossierStatusChangedConsumer } from './payments/dossier-status-changed.consumer';
import { PaymentRequest } from './payments/payment-request.entity';
import { PaymentRequestRepository } from './payments/payment-request.repository';
import { PaymentRequestService } from './payments/payment-request.service';
import { PaymentsController } from './payments/payments.controller';
import { ProcedureFees } from './procedures/procedure-fees.entity';
import { ProcedureFeesRepository } from './procedures/procedure-fees.repository';
import { ProcedurePublishedConsumer } from './procedures/procedure-published.consumer';
import { PaymentProviders } from './providers/payment-providers';
import { ProviderClient } from './providers/provider.client';
import { ReceiptRow } from './receipts/receipt.entity';
import { ReceiptRepository } from './receipts/receipt.repository';
import { ReceiptService } from './receipts/receipt.service';
import { ReceiptsWorker } from './receipts/receipts.worker';
import { DailyReconciliationWorker } from './reconciliation/daily-reconciliation.worker';
import { ReconciliationRow } from './reconciliation/reconciliation.entity';
import { ReconciliationRepository } from './reconciliation/reconciliation.repository';
import { ReconciliationService } from './reconciliation/reconciliation.service';
import { ReconciliationsController } from './reconciliation/reconciliations.controller';
import { RefundService } from './refunds/refund.service';
import { RefundsController } from './refunds/refunds.controller';

@Module({})
export class AppModule {
  static register(config: PaymentEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forService({
          name: 'payment',
          config,
          database: {
            schema: 'payment', entities: [ProcedureFees, PaymentRequest, PaymentAttemptRow, ProviderReportRow, ReceiptRow, ReconciliationRow],
            migrations: [Initial1764100000000, Attempts1765000000000, QueriesReceipts1765000000001, Reconciliation1765000000002, Refunds1765000000003, SecondPayments1765000000004, AwaitingProcedure1765000000005],
          },
        }),
      ],
      controllers: [PaymentsController, AwaitingProcedureController, PaymentAttemptsController, ReconciliationsController, RefundsController],
      providers: [
        ProcedureFeesRepository,
        ProcedurePublishedConsumer,
        PaymentRequestRepository,
        AwaitingProcedureRepository,
        AwaitingProcedureMetrics,
        PaymentRequestService,
        DossierStatusChangedConsumer,
        PaymentProviders,
        ProviderClient,
        PaymentAttemptRepository,
        PaymentAttemptService,
        ProviderReportService,
        PendingAttemptsService,
        PendingAttemptsWorker,
        ReceiptRepository,
        ReceiptService,
        ReceiptsWorker,
        ReconciliationRepository,
        ReconciliationService,
        DailyReconciliationWorker,
        RefundService,
      ],
    };
  }
}
