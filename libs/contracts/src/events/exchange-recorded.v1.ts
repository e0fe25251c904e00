import { defineEvent, integer, object, string, dateTime } from '../contract';

/** Who is to blame for a failed call, in X-Road's manner: so that an operator knows whom to call. */
export const ERROR_SIDES = ['none', 'client', 'gateway', 'provider'] as const;
export type ErrorSide = (typeof ERROR_SIDES)[number];

/** One call through the gateway: X-Road's operational monitoring record. */
export interface ExchangeRecordedV1 {
  exchangeId: string;
  /** The authenticated client system; null when the call was refused before it was authenticated. */
  client: string | null;
  /** Stable name of the called route, e.g. dossier.submit, procedure.read, operator.exchanges.list. */
  service: string;
  /** The providing service the call was forwarded to; null when the gateway answered itself. */
  target: string | null;
  method: string;
  /** The route template, e.g. /v1/dossiers/:code; null when no route matched. */
  route: string | null;
  /** The business key the call is about (a dossier or procedure code), when the route has one. */
  subject: string | null;
  /** HTTP status answered; 499 when the client closed the connection before the answer. */
  status: number;
  errorSide: ErrorSide;
  /** Request body size as declared by Content-Length. */
  requestBytes: number;
  /** Response body bytes written. */
  responseBytes: number;
  startedAt: string;
  endedAt: string;
  durationMs: number;
  traceId: string | null;
}

const nullable = (schema: Record<string, unknown>) => ({ anyOf: [schema, { type: 'null' }] });

export const exchangeRecordedV1 = defineEvent<ExchangeRecordedV1>({
  topic: 'exchange.recorded.v1',
  type: 'vn.lienthong.exchange.recorded.v1',
  partitions: 6,
  schema: object({
    exchangeId: string({ format: 'uuid' }),
    client: nullable(string({ maxLength: 200 })),
    service: string({ maxLength: 200 }),
    target: nullable(string({ maxLength: 100 })),
    method: string({ maxLength: 16 }),
    route: nullable(string({ maxLength: 300 })),
    subject: nullable(string({ maxLength: 200 })),
    status: integer({ minimum: 100, maximum: 599 }),
    errorSide: { enum: [...ERROR_SIDES] },
    requestBytes: integer({ minimum: 0 }),
    responseBytes: integer({ minimum: 0 }),
    startedAt: dateTime,
    endedAt: dateTime,
    durationMs: { type: 'number', minimum: 0 },
    traceId: nullable(string({ pattern: '^[0-9a-f]{32}$' })),
  }),
  example: {
    exchangeId: '5d0f2a8e-8c1b-4f4e-9a7e-2b6f1f3c9d21',
    client: 'VN/GOV/000.00.00.H56/MOTCUA',
    service: 'dossier.read',
    target: 'intake',
    method: 'GET',
    route: '/v1/dossiers/:code',
    subject: '000.00.06.H56-261123-0001',
    status: 200,
    errorSide: 'none',
    requestBytes: 0,
    responseBytes: 1834,
    startedAt: '2026-11-23T07:05:00.000Z',
    endedAt: '2026-11-23T07:05:00.004Z',
    durationMs: 4.182,
    traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
  },
});
