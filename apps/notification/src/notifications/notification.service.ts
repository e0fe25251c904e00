import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import type { DossierStatusChangedV1, DossierSubmittedV1 } from '@lienthong/contracts';
import type { ReceivedEvent } from '@lienthong/platform-kafka';
import { RenderedEmail, renderStatusChangedEmail, renderSubmittedEmail } from './email.templates';
import { NotificationRepository } from './notification.repository';

/** Turns dossier events into e-mails waiting to be sent, in the event handler's transaction: a batch in one statement. */
@Injectable()
export class NotificationService {
  constructor(private readonly notifications: NotificationRepository) {}

  recordSubmitted(events: ReceivedEvent<DossierSubmittedV1>[], manager: EntityManager): Promise<void> {
    return this.record(events.map((event) => [renderSubmittedEmail(event.data), event.id]), manager);
  }

  recordStatusChanged(events: ReceivedEvent<DossierStatusChangedV1>[], manager: EntityManager): Promise<void> {
    return this.record(events.map((event) => [renderStatusChangedEmail(event.data), event.id]), manager);
  }

  private async record(emails: [RenderedEmail, string][], manager: EntityManager): Promise<void> {
    const due = new Date();
    // the unique (source event, channel) key backs the inbox up: one event never yields two e-mails
    await this.notifications.insertOnce(
      manager,
      emails.map(([email, eventId]) => ({
        id: randomUUID(),
        sourceEventId: eventId,
        channel: 'EMAIL',
        ...email,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: due,
        lastError: null,
        sentAt: null,
      })),
    );
  }
}
