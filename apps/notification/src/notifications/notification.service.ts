import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import type { DossierStatusChangedV1, DossierSubmittedV1 } from '@lienthong/contracts';
import { DossierStatus } from '@lienthong/domain-dossier';
import type { ReceivedEvent } from '@lienthong/platform-kafka';
import { NotificationEnv } from '../config';
import { carrierOf } from '@lienthong/domain-notification';
import { renderMessage } from '../templates/render-message';
import { fieldsOfStatusChanged, fieldsOfSubmitted, RenderedMessage, statusTemplateOf, SUBMITTED_TEMPLATE, TemplateFields } from '../templates/template-fields';
import { TemplateStore } from '../templates/template-store';
import { NOTIFICATION_CHANNELS } from './notification.entity';
import { NotificationRepository } from './notification.repository';
import { optOutKey, OptOutRepository } from './opt-out.repository';

/**
 * Notices the applicant cannot refuse: those that decide on the dossier or ask something of them (not accepted,
 * supplement requested, fee requested, processing stopped, result ready). An opt-out covers every other one.
 */
const MANDATORY: ReadonlySet<string> = new Set(
  [DossierStatus.NotAccepted, DossierStatus.SupplementRequested, DossierStatus.PaymentRequested, DossierStatus.Stopped, DossierStatus.ResultReady].map((s) => `dossier.status-changed.${s}`),
);

type Caused = { message: RenderedMessage; eventId: string; submittedVia: number | undefined };

/**
 * Turns dossier events into messages waiting to be sent, e-mail and SMS, in the event handler's transaction: a batch in
 * one statement. A message switched off (NOTIFY_SWITCHED_OFF) is not made; one its recipient opted out of is kept as
 * skipped, unless the law makes it mandatory.
 */
@Injectable()
export class NotificationService {
  private readonly switchedOff: ReadonlySet<string>;

  constructor(
    private readonly notifications: NotificationRepository,
    private readonly optOuts: OptOutRepository,
    private readonly templates: TemplateStore,
    config: NotificationEnv,
  ) {
    this.switchedOff = new Set(config.NOTIFY_SWITCHED_OFF);
  }

  recordSubmitted(events: ReceivedEvent<DossierSubmittedV1>[], manager: EntityManager): Promise<void> {
    return this.record(events.flatMap((e) => this.messagesOf(e.id, SUBMITTED_TEMPLATE, e.data.code, e.data.contact, e.data.channel, fieldsOfSubmitted(e.data))), manager);
  }

  recordStatusChanged(events: ReceivedEvent<DossierStatusChangedV1>[], manager: EntityManager): Promise<void> {
    return this.record(events.flatMap((e) => this.messagesOf(e.id, statusTemplateOf(e.data.status), e.data.code, e.data.contact, e.data.channel, fieldsOfStatusChanged(e.data))), manager);
  }

  /** The e-mail and the SMS an event makes, each with the template version in use for how the dossier was submitted. */
  private messagesOf(eventId: string, template: string, dossierCode: string, contact: { email: string; phone: string }, submittedVia: 1 | 2 | 3 | undefined, fields: TemplateFields): Caused[] {
    return NOTIFICATION_CHANNELS.map((channel) => {
      const version = this.templates.active(template, channel, submittedVia);
      const recipient = channel === 'SMS' ? contact.phone : contact.email;
      const message = { channel, template, templateVersion: version.version, recipient, carrier: channel === 'SMS' ? carrierOf(recipient) : null, dossierCode, ...renderMessage(channel, version, fields) };
      return { message, eventId, submittedVia };
    });
  }

  private isOn({ message, submittedVia }: Caused): boolean {
    const key = `${message.template}:${message.channel}`;
    return !this.switchedOff.has(key) && !(submittedVia !== undefined && this.switchedOff.has(`${key}:${submittedVia}`));
  }

  private async record(caused: Caused[], manager: EntityManager): Promise<void> {
    const made = caused.filter((c) => this.isOn(c));
    const optedOut = await this.optOuts.among(manager, made.map((c) => c.message));
    const due = new Date();
    // the unique (source event, channel) key backs the inbox up: one event never yields two messages on a channel
    await this.notifications.insertOnce(
      manager,
      made.map(({ message, eventId }) => {
        const skipped = optedOut.has(optOutKey(message.channel, message.recipient)) && !MANDATORY.has(message.template);
        return {
          id: randomUUID(),
          sourceEventId: eventId,
          ...message,
          status: skipped ? 'skipped' : 'pending',
          attempts: 0,
          nextAttemptAt: due,
          lastError: skipped ? 'the recipient opted out' : null,
          sentAt: null,
          deliveredAt: null,
        };
      }),
    );
  }
}
