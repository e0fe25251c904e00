import type { NotificationChannel } from '../notifications/notification.entity';
import { renderEmail } from './email.templates';
import { renderSms } from './sms.templates';
import { MessageTemplate, TemplateFields } from './template-fields';

/** A template filled in as its channel writes it: an e-mail in Vietnamese with diacritics, an SMS in ASCII. */
export const renderMessage = (channel: NotificationChannel, template: MessageTemplate, fields: TemplateFields) => (channel === 'SMS' ? renderSms(template, fields) : renderEmail(template, fields));
