import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import type { DossierStatusChangedV1, DossierSubmittedV1 } from '@lienthong/contracts';
import { RenderedEmail, renderStatusChangedEmail, renderSubmittedEmail } from './email.templates';
import { NotificationRepository } from './notification.repository';

/** Turns dossier events into e-mails waiting to be sent, in the event handler's transaction. */
@Injectable()
export class NotificationService {
  constructor(private readonly notifications: NotificationRepository) {}

  recordSubmitted(event: DossierSubmittedV1, manager: EntityManager, eventId: string): Promise<void> {
    return this.record(renderSubmittedEmail(event), manager, eventId);
  }

  recordStatusChanged(event: DossierStatusChangedV1, manager: EntityManager, eventId: string): Promise<void> {
    return this.record(renderStatusChangedEmail(event), manager, eventId);
  }

  private async record(email: RenderedEmail, manager: EntityManager, eventId: string): Promise<void> {
    // the unique (source event, channel) key backs the inbox up: one event never yields two e-mails
    await this.notifications.insertOnce(manager, {
      id: randomUUID(),
      sourceEventId: eventId,
      channel: 'EMAIL',
      ...email,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: new Date(),
      lastError: null,
      sentAt: null,
    });
  }
}
