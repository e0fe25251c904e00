import type { ExchangeRecordedV1 } from '@lienthong/contracts';
import type { ExchangeRecord } from './exchange-record.entity';

/** An exchange record as operators see it: the very shape it was published in. */
export const exchangeRecordView = (r: ExchangeRecord): ExchangeRecordedV1 => ({
  exchangeId: r.exchangeId,
  client: r.client,
  service: r.service,
  target: r.target,
  method: r.method,
  route: r.route,
  subject: r.subject,
  status: r.status,
  errorSide: r.errorSide,
  requestBytes: r.requestBytes,
  responseBytes: r.responseBytes,
  startedAt: r.startedAt.toISOString(),
  endedAt: r.endedAt.toISOString(),
  durationMs: r.durationMs,
  traceId: r.traceId,
});
