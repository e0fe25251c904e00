import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import type { DossierStatusChangedV1, DossierSubmittedV1, PaymentFailedV1, PaymentSucceededV1 } from '@lienthong/contracts';
import { DossierStatus } from '@lienthong/domain-dossier';
import type { ReceivedEvent } from '@lienthong/platform-kafka';
import { NotificationEnv } from '../config';
import { carrierOf } from '@lienthong/domain-notification';
import { renderMessage } from '../templates/render-message';
import {
  fieldsOfPayment,
  fieldsOfStatusChanged,
  fieldsOfSubmitted,
  paymentTemplateOf,
  RenderedMessage,
  statusTemplateOf,
  SUBMITTED_TEMPLATE,
  TemplateFields,
} from '../templates/template-fields';
import { TemplateStore } from '../templates/template-store';
import { DossierContactRepository } from './dossier-contact.repository';
import { NOTIFICATION_CHANNELS } from './notification.entity';
import { NotificationRepository } from './notification.repository';

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
  private readonly logger = new Logger('NotificationService');

  constructor(
    private readonly notifications: NotificationRepository,
    private readonly contacts: DossierContactRepository,
    private readonly templates: TemplateStore,
    config: NotificationEnv,
  ) {
    this.switchedOff = new Set(config.NOTIFY_SWITCHED_OFF);
  }

  async recordSubmitted(events: ReceivedEvent<DossierSubmittedV1>[], manager: EntityManager): Promise<void> {
    await this.contacts.remember(manager, events.map(({ data }) => ({ dossierCode: data.code, ...data.contact, submissionChannel: data.channel })));
    await this.record(events.flatMap((e) => this.messagesOf(e.id, SUBMITTED_TEMPLATE, e.data.code, e.data.contact, e.data.channel, fieldsOfSubmitted(e.data))), manager);
  }

  async recordStatusChanged(events: ReceivedEvent<DossierStatusChangedV1>[], manager: EntityManager): Promise<void> {
    await this.contacts.remember(manager, events.map(({ data }) => ({ dossierCode: data.code, ...data.contact, submissionChannel: data.channel })));
    await this.record(events.flatMap((e) => this.messagesOf(e.id, statusTemplateOf(e.data.status), e.data.code, e.data.contact, e.data.channel, fieldsOfStatusChanged(e.data))), manager);
  }

  /**
   * A fee paid, paid a second time (owed back), or an attempt that failed, told to the applicant of the dossier as its
   * events gave them; a payment of a dossier whose events never reached notification is told to nobody (and said so).
   */
  async recordPayments(events: ReceivedEvent<PaymentSucceededV1 | PaymentFailedV1>[], manager: EntityManager): Promise<void> {
    const contacts = await this.contacts.of(manager, events.map((e) => e.data.dossierCode));
    const known = events.filter((e) => contacts.has(e.data.dossierCode));
    if (known.length < events.length) this.logger.warn(`${events.length - known.length} payment events of dossiers with no contact known here: not told`);
    await this.record(
      known.flatMap((e) => {
        const contact = contacts.get(e.data.dossierCode)!;
        return this.messagesOf(e.id, paymentTemplateOf(e.data), e.data.dossierCode, contact, contact.submissionChannel, fieldsOfPayment(e.data));
      }),
      manager,
    );
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
    // the unique (source event, channel) key backs the inbox up: one event never yields two messages on a channel
    await this.notifications.insertOnce(
      manager,
      caused.filter((c) => this.isOn(c)).map(({ message, eventId }) => ({ id: randomUUID(), sourceEventId: eventId, ...message, refusable: !MANDATORY.has(message.template) })),
    );
  }
}
