import { defineEvent, integer, object, string, dateTime } from '../contract';

export interface DeliverySucceededV1 {
  deliveryId: string;
  systemCode: string;
  subject: string;
  sourceEventId: string;
  attempts: number;
  deliveredAt: string;
}

export interface DeliveryFailedV1 extends Omit<DeliverySucceededV1, 'deliveredAt'> {
  error: string;
  failedAt: string;
}

const common = {
  deliveryId: string({ format: 'uuid' }),
  systemCode: string(),
  subject: string(),
  sourceEventId: string(),
  attempts: integer({ minimum: 1 }),
};

const example = {
  deliveryId: '0b8e4c8e-2f6a-4c0e-9d59-2f4f0c1d9a11',
  systemCode: 'VN/GOV/000.00.00.H56/MOTCUA',
  subject: '000.00.06.H56-261123-0001',
  sourceEventId: '6f1c7a52-7a8e-4f55-9d0e-3c3f1f1b2a10',
  attempts: 1,
};

export const deliverySucceededV1 = defineEvent<DeliverySucceededV1>({
  topic: 'delivery.succeeded.v1',
  type: 'vn.lienthong.delivery.succeeded.v1',
  partitions: 3,
  schema: object({ ...common, deliveredAt: dateTime }),
  example: { ...example, deliveredAt: '2026-11-23T07:00:01.000Z' },
});

export const deliveryFailedV1 = defineEvent<DeliveryFailedV1>({
  topic: 'delivery.failed.v1',
  type: 'vn.lienthong.delivery.failed.v1',
  partitions: 3,
  schema: object({ ...common, error: string(), failedAt: dateTime }),
  example: { ...example, attempts: 12, error: 'HTTP 503 from one-stop system', failedAt: '2026-11-23T09:00:00.000Z' },
});
