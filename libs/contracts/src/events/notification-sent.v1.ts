import { defineEvent, object, string, dateTime } from '../contract';

export interface NotificationSentV1 {
  notificationId: string;
  channel: 'EMAIL' | 'SMS';
  template: string;
  subject: string;
  sourceEventId: string;
  sentAt: string;
}

export const notificationSentV1 = defineEvent<NotificationSentV1>({
  topic: 'notification.sent.v1',
  type: 'vn.lienthong.notification.sent.v1',
  partitions: 3,
  schema: object({
    notificationId: string({ format: 'uuid' }),
    channel: { enum: ['EMAIL', 'SMS'] },
    template: string(),
    subject: string(),
    sourceEventId: string(),
    sentAt: dateTime,
  }),
  example: {
    notificationId: '4d0b9c7e-8a1f-4f7a-a1f5-0d6c2b9e7f21',
    channel: 'EMAIL',
    template: 'dossier.status-changed.2',
    subject: '000.00.06.H56-261123-0001',
    sourceEventId: '6f1c7a52-7a8e-4f55-9d0e-3c3f1f1b2a10',
    sentAt: '2026-11-23T07:05:02.000Z',
  },
});
