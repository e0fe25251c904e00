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
  Notification: { type: 'object', properties: notificationProperties, required: Object.keys(notificationProperties) },
  NotificationPage: {
    type: 'object',
    properties: { items: { type: 'array', items: ref('Notification') }, page: { type: 'integer' }, pageSize: { type: 'integer' }, total: { type: 'integer' } },
    required: ['items', 'page', 'pageSize', 'total'],
  },
};

const MESSAGE_ID = '0b8e4c8e-2f6a-4c0e-9d59-2f4f0c1d9a11';

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
