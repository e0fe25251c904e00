import { dateTime } from '@lienthong/contracts';
import { Permission } from '../registry/permissions';
import { Example } from './openapi.examples';
import { body, guarded, OpenApiDocument, Parameter, param } from './openapi.operations';
import { JsonSchema, ref } from './openapi.schemas';

/** Notifications, forwarded to the notification service: opt-outs, the SMS gateway's receipts, the operators' query. */

export const NOTIFICATION_TAG = 'Notifications';
const str = (extra: JsonSchema = {}): JsonSchema => ({ type: 'string', ...extra });
const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });
const CHANNEL = { enum: ['EMAIL', 'SMS'] };
const STATUS = { enum: ['pending', 'sent', 'delivered', 'failed', 'skipped'] };
const example = (summary: string, value: unknown): Example => ({ summary, value });
const query = (name: string, schema: JsonSchema, description: string): Parameter => ({ name, in: 'query', schema, description });

const notificationProperties: Record<string, JsonSchema> = {
  id: str({ format: 'uuid' }),
  dossierCode: str(),
  channel: CHANNEL,
  template: str({ description: 'e.g. dossier.status-changed.6' }),
  recipient: str({ description: 'Masked: a***@example.vn, 096*****67' }),
  carrier: nullable(str({ description: "The SMS's carrier, by the number's prefix" })),
  subject: str({ description: "An e-mail's subject; an SMS's registered brand-name template" }),
  status: STATUS,
  attempts: { type: 'integer', minimum: 0 },
  nextAttemptAt: nullable(dateTime),
  lastError: nullable(str()),
  sentAt: nullable(dateTime),
  deliveredAt: nullable(dateTime),
  sourceEventId: str(),
  createdAt: dateTime,
};

const TEMPLATE_KEYS = ['dossier.submitted', ...Array.from({ length: 10 }, (_, k) => `dossier.status-changed.${k + 1}`), 'payment.succeeded', 'payment.paid-twice', 'payment.failed'];
const lines: JsonSchema = { type: 'array', maxItems: 100, items: str({ maxLength: 1000 }), description: "An e-mail's body lines, an SMS's parts, with #Field placeholders" };
const templateAddress = {
  type: 'object',
  properties: {
    template: { enum: TEMPLATE_KEYS },
    channel: CHANNEL,
    submissionChannel: { type: 'integer', minimum: 0, maximum: 3, description: 'The submission channel it is worded for: 1 counter, 2 online, 3 post; 0 (the default) any' },
  },
  required: ['template', 'channel'],
  additionalProperties: false,
};

export const NOTIFICATION_SCHEMAS: Record<string, JsonSchema> = {
  OptOut: {
    type: 'object',
    properties: { channel: CHANNEL, recipient: str({ description: 'An e-mail address (EMAIL) or a mobile number, 0 and nine digits (SMS)' }), optedOut: { type: 'boolean' } },
    required: ['channel', 'recipient', 'optedOut'],
    additionalProperties: false,
  },
  OptOutAnswer: { type: 'object', properties: { channel: CHANNEL, optedOut: { type: 'boolean' } }, required: ['channel', 'optedOut'] },
  SmsReceipt: {
    type: 'object',
    properties: {
      messageId: str({ format: 'uuid', description: 'The client reference the SMS was sent with' }),
      status: { enum: ['DELIVERED', 'TEMPORARY_FAILURE', 'PERMANENT_FAILURE'] },
      reportedAt: dateTime,
      error: str({ maxLength: 500 }),
    },
    required: ['messageId', 'status'],
    additionalProperties: false,
  },
  SmsReceiptAnswer: { type: 'object', properties: { messageId: str({ format: 'uuid' }), status: STATUS }, required: ['messageId', 'status'] },
  SmsReceiptBatch: { type: 'object', properties: { receipts: { type: 'array', minItems: 1, maxItems: 500, items: ref('SmsReceipt') } }, required: ['receipts'], additionalProperties: false },
  SmsReceiptBatchAnswer: {
    type: 'object',
    properties: {
      items: {
        type: 'array',
        description: 'One per receipt, in their order',
        items: {
          oneOf: [
            ref('SmsReceiptAnswer'),
            { type: 'object', properties: { messageId: str({ format: 'uuid' }), problem: { enum: ['unknown-message'], description: 'No SMS has this message id' } }, required: ['messageId', 'problem'] },
          ],
        },
      },
    },
    required: ['items'],
  },
  TemplateAddress: templateAddress,
  TemplateDraft: { ...templateAddress, properties: { ...templateAddress.properties, subject: str({ maxLength: 200, description: "An e-mail's subject; an SMS's registered brand-name template id" }), lines }, required: ['template', 'channel', 'subject', 'lines'] },
  TemplatePreview: { ...templateAddress, properties: { ...templateAddress.properties, subject: str({ maxLength: 200 }), lines }, description: 'A draft (subject and lines), or without them the version in use' },
  TemplateVersion: {
    type: 'object',
    properties: { ...templateAddress.properties, version: { type: 'integer', minimum: 1, description: '1 is the one in the code' }, subject: str(), lines, createdBy: nullable(str()), createdAt: nullable(dateTime) },
    required: ['template', 'channel', 'submissionChannel', 'version', 'subject', 'lines', 'createdBy', 'createdAt'],
  },
  TemplateVersions: { type: 'object', properties: { items: { type: 'array', items: ref('TemplateVersion') } }, required: ['items'] },
  RenderedTemplate: { type: 'object', properties: { version: nullable({ type: 'integer' }), subject: str(), body: str() }, required: ['version', 'subject', 'body'] },
  Notification: { type: 'object', properties: notificationProperties, required: Object.keys(notificationProperties) },
  NotificationPage: {
    type: 'object',
    properties: { items: { type: 'array', items: ref('Notification') }, page: { type: 'integer' }, pageSize: { type: 'integer' }, total: { type: 'integer' } },
    required: ['items', 'page', 'pageSize', 'total'],
  },
};

const MESSAGE_ID = '0b8e4c8e-2f6a-4c0e-9d59-2f4f0c1d9a11';
const OTHER_MESSAGE_ID = '5d2a7f10-8c3b-4e9a-b6d1-7a0e2c4f9b35';
const draft = { template: 'dossier.status-changed.4', channel: 'SMS', submissionChannel: 2, subject: 'DVC_DANGXULY_02', lines: ['Ho so #MaHoSo dang duoc giai quyet.', 'Han tra ket qua: #NgayHenTra.'] };
const templateV1 = {
  template: 'dossier.status-changed.4',
  channel: 'SMS',
  submissionChannel: 2,
  version: 1,
  subject: 'DVC_TRANGTHAI_4_01',
  lines: ['Ho so #MaHoSo: #TrangThai.', 'Ngay hen tra: #NgayHenTra.', 'Tra cuu: dichvucong.gov.vn'],
  createdBy: null,
  createdAt: null,
};
const templateV2 = { ...draft, version: 2, createdBy: 'VN/GOV/000.00.00.G22/LIENTHONG-OPS', createdAt: '2026-11-23T09:00:00.000Z' };

export const NOTIFICATION_PATHS: OpenApiDocument['paths'] = {
  '/v1/notifications/opt-outs': {
    post: guarded('post', {
      operationId: 'setOptOut',
      summary: "Record an applicant's opt-out of a channel, or their opting back in",
      description:
        'Covers every notice the law lets an applicant refuse; the mandatory ones (not accepted, supplement requested, fee requested, processing stopped, result ready) are sent all the same. A refused notice is kept as skipped.',
      tag: NOTIFICATION_TAG,
      permission: Permission.ManageOptOuts,
      requestBody: body('OptOut', example('No more SMS', { channel: 'SMS', recipient: '0961234567', optedOut: true })),
      answers: { '200': { description: 'The choice now recorded', schema: 'OptOutAnswer', examples: { optedOut: example('Opted out', { channel: 'SMS', optedOut: true }) } } },
      proxied: true,
    }),
  },
  '/v1/notifications/sms-receipts': {
    post: guarded('post', {
      operationId: 'smsReceipt',
      summary: "The SMS gateway's delivery receipt of one message",
      description: 'A temporary failure sends the SMS again after a backoff; a permanent one gives up. A receipt told twice, or for a message no longer waiting for one, changes nothing.',
      tag: NOTIFICATION_TAG,
      permission: Permission.ReportDelivery,
      requestBody: body('SmsReceipt', example('Delivered', { messageId: MESSAGE_ID, status: 'DELIVERED', reportedAt: '2026-11-23T08:00:03.000Z' })),
      answers: { '200': { description: "The message's status now", schema: 'SmsReceiptAnswer', examples: { delivered: example('Delivered', { messageId: MESSAGE_ID, status: 'delivered' }) } } },
      problems: ['unknownMessage'],
      proxied: true,
    }),
  },
  '/v1/notifications/sms-receipt-batches': {
    post: guarded('post', {
      operationId: 'smsReceiptBatch',
      summary: "Delivery receipts the SMS gateway gathered, at most 500, applied in one go",
      description:
        'Each receipt is applied as by /v1/notifications/sms-receipts, in the order given, all in one transaction; each item of the answer tells what became of its receipt. An unknown message id spoils only its own item; a malformed receipt refuses the whole batch (400) and changes nothing.',
      tag: NOTIFICATION_TAG,
      permission: Permission.ReportDelivery,
      requestBody: body(
        'SmsReceiptBatch',
        example('Two receipts', { receipts: [{ messageId: MESSAGE_ID, status: 'DELIVERED', reportedAt: '2026-11-23T08:00:03.000Z' }, { messageId: OTHER_MESSAGE_ID, status: 'TEMPORARY_FAILURE', error: 'the handset could not be reached' }] }),
      ),
      answers: {
        '200': {
          description: 'What became of each receipt, in their order',
          schema: 'SmsReceiptBatchAnswer',
          examples: { applied: example('Delivered, and to be sent again', { items: [{ messageId: MESSAGE_ID, status: 'delivered' }, { messageId: OTHER_MESSAGE_ID, status: 'pending' }] }) },
        },
      },
      proxied: true,
    }),
  },
  '/v1/operator/notification-templates': {
    get: guarded('get', {
      operationId: 'listTemplateVersions',
      summary: 'Every version of a notification template, the one in the code (1) first; the last is in use',
      tag: NOTIFICATION_TAG,
      permission: Permission.ManageTemplates,
      parameters: [query('template', { enum: TEMPLATE_KEYS }, 'The template'), query('channel', CHANNEL, 'EMAIL or SMS'), query('submissionChannel', { type: 'integer', minimum: 0, maximum: 3 }, '0 (any), 1, 2 or 3')],
      answers: { '200': { description: 'The versions', schema: 'TemplateVersions', examples: { versions: example('The code and one of an operator', { items: [templateV1, templateV2] }) } } },
      proxied: true,
    }),
    post: guarded('post', {
      operationId: 'addTemplateVersion',
      summary: 'Write the next version of a notification template',
      description: 'Used for every message made from then on (messages made before keep their version). Placeholders must be fields of the event; an SMS is plain ASCII, at most four segments, under a registered template id.',
      tag: NOTIFICATION_TAG,
      permission: Permission.ManageTemplates,
      requestBody: body('TemplateDraft', example('A shorter processing SMS for online dossiers', draft)),
      answers: { '201': { description: 'The new version, in use', schema: 'TemplateVersion', examples: { added: example('Version 2', templateV2) } } },
      problems: ['templateInvalid'],
      proxied: true,
    }),
  },
  '/v1/operator/notification-templates/preview': {
    post: guarded('post', {
      operationId: 'previewTemplate',
      summary: 'Fill in a draft, or the version in use, for an example dossier',
      tag: NOTIFICATION_TAG,
      permission: Permission.ManageTemplates,
      requestBody: body('TemplatePreview', example('The draft', draft)),
      answers: { '200': { description: 'What an applicant would receive', schema: 'RenderedTemplate', examples: { rendered: example('Rendered', { version: null, subject: 'DVC_DANGXULY_02', body: 'Ho so 000.00.06.H56-261123-0001 dang duoc giai quyet. Han tra ket qua: 30/11/2026.' }) } } },
      problems: ['templateInvalid'],
      proxied: true,
    }),
  },
  '/v1/operator/notifications': {
    get: guarded('get', {
      operationId: 'listNotifications',
      summary: 'The notifications, newest first: find what failed or waits',
      tag: NOTIFICATION_TAG,
      permission: Permission.ReadNotifications,
      parameters: [query('dossier', str({ maxLength: 60 }), 'A dossier code'), query('status', STATUS, 'Only in this status'), query('channel', CHANNEL, 'Only on this channel'), param('Page'), param('PageSize')],
      answers: {
        '200': {
          description: 'One page of notifications',
          schema: 'NotificationPage',
          examples: {
            failed: example('An SMS given up', {
              items: [
                {
                  id: MESSAGE_ID,
                  dossierCode: '000.00.06.H56-261123-0001',
                  channel: 'SMS',
                  template: 'dossier.status-changed.2',
                  recipient: '096*****67',
                  carrier: 'viettel',
                  subject: 'DVC_TRANGTHAI_2_01',
                  status: 'failed',
                  attempts: 1,
                  nextAttemptAt: null,
                  lastError: 'the carrier reported PERMANENT_FAILURE: the handset could not be reached',
                  sentAt: '2026-11-23T08:00:01.000Z',
                  deliveredAt: null,
                  sourceEventId: '6f1c7a52-7a8e-4f55-9d0e-3c3f1f1b2a10',
                  createdAt: '2026-11-23T08:00:00.000Z',
                },
              ],
              page: 1,
              pageSize: 20,
              total: 1,
            }),
          },
        },
      },
      proxied: true,
    }),
  },
};
