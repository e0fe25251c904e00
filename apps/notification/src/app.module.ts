import { DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule } from '@lienthong/platform-http';
import { NotificationEnv } from './config';
import { Initial1764100000000 } from './migrations/1764100000000-initial';
import { Sms1765000000000 } from './migrations/1765000000000-sms';
import { Templates1765000000001 } from './migrations/1765000000001-templates';
import { DossierContacts1765000000002 } from './migrations/1765000000002-dossier-contacts';
import { MessageOrder1765000000003 } from './migrations/1765000000003-message-order';
import { PendingByRecipient1765000000004 } from './migrations/1765000000004-pending-by-recipient';
import { DossierContactRepository } from './notifications/dossier-contact.repository';
import { DossierEventsConsumer } from './notifications/dossier-events.consumer';
import { MailTransport } from './notifications/mail.transport';
import { Notification } from './notifications/notification.entity';
import { NotificationDeliveryService } from './notifications/notification-delivery.service';
import { NotificationRepository } from './notifications/notification.repository';
import { NotificationSenderWorker } from './notifications/notification-sender.worker';
import { NotificationService } from './notifications/notification.service';
import { NotificationsController } from './notifications/notifications.controller';
import { OptOutRepository } from './notifications/opt-out.repository';
import { SmsReceiptService } from './notifications/sms-receipt.service';
import { SmsTransport } from './notifications/sms.transport';
import { TemplateStore } from './templates/template-store';
import { TemplatesController } from './templates/templates.controller';

@Module({})
export class AppModule {
  static register(config: NotificationEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forService({
          name: 'notification',
          config,
          database: { schema: 'notification', entities: [Notification], migrations: [Initial1764100000000, Sms1765000000000, Templates1765000000001, DossierContacts1765000000002, MessageOrder1765000000003, PendingByRecipient1765000000004] },
        }),
      ],
      controllers: [NotificationsController, TemplatesController],
      providers: [
        { provide: NotificationEnv, useValue: config },
        NotificationRepository,
        NotificationService,
        DossierEventsConsumer,
        OptOutRepository,
        DossierContactRepository,
        TemplateStore,
        MailTransport,
        SmsTransport,
        SmsReceiptService,
        NotificationDeliveryService,
        NotificationSenderWorker,
      ],
    };
  }
}
