import { Injectable, OnModuleInit } from '@nestjs/common';
import { deliveryFailedV1, deliverySucceededV1, EventContract, notificationSentV1, paymentFailedV1, paymentRequestedV1 } from '@lienthong/contracts';
import { Messaging, ReceivedEvent } from '@lienthong/platform-kafka';
import type { JourneyEntry } from './journey-entry';
import { JourneyRepository } from './journey.repository';

const formatVnd = new Intl.NumberFormat('vi-VN');

/**
 * A dossier's journey across the backbone, on its timeline next to its statuses: each delivery to a provincial system
 * (or its giving up), each notification sent to the applicant, each payment asked of them and each that failed (a fee
 * paid is a status report, see PaymentSucceededConsumer). Events come in batches, and
 * the inbox keeps a redelivered one from showing twice.
 */
@Injectable()
export class JourneyEventsConsumer implements OnModuleInit {
  constructor(private readonly messaging: Messaging, private readonly journey: JourneyRepository) {}

  onModuleInit(): void {
    this.follow(deliverySucceededV1, ({ data }) => ({
      dossierCode: data.subject,
      kind: 'delivered',
      note: `attempt ${data.attempts}`,
      detail: data.deliveryId,
      actor: data.systemCode,
      occurredAt: data.deliveredAt,
    }));
    this.follow(deliveryFailedV1, ({ data }) => ({
      dossierCode: data.subject,
      kind: 'delivery-failed',
      note: `${data.attempts} attempts: ${data.error}`,
      detail: data.deliveryId,
      actor: data.systemCode,
      occurredAt: data.failedAt,
    }));
    this.follow(notificationSentV1, ({ data }) => ({
      dossierCode: data.subject,
      kind: 'notified',
      note: data.template,
      detail: data.channel,
      actor: 'notification',
      occurredAt: data.sentAt,
    }));
    this.follow(paymentRequestedV1, ({ data }) => ({
      dossierCode: data.dossierCode,
      kind: 'payment-requested',
      note: `${formatVnd.format(data.amount)} ${data.currency}`,
      detail: data.paymentId,
      actor: 'payment',
      occurredAt: data.requestedAt,
    }));
    this.follow(paymentFailedV1, ({ data }) => ({
      dossierCode: data.dossierCode,
      kind: 'payment-failed',
      note: `${formatVnd.format(data.amount)} ${data.currency}: error ${data.errorCode}`,
      detail: data.reference,
      actor: data.provider,
      occurredAt: data.failedAt,
    }));
  }

  private follow<T>(contract: EventContract<T>, entryOf: (event: ReceivedEvent<T>) => JourneyEntry): void {
    this.messaging.consumer.onBatch(contract, (events, manager) => this.journey.add(manager, events.map(entryOf)));
  }
}
