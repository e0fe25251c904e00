import type { ExchangeRecordedV1 } from '@lienthong/contracts';
import type { AuditRecord } from '../audit/audit-chain';

/** The actor (and Kafka key) of a call refused before its client was known. */
export const ANONYMOUS_CLIENT = 'anonymous';

/** An exchange as evidence: who called what, about which business key, with what outcome, when. */
export const exchangeAuditRecord = (r: ExchangeRecordedV1): AuditRecord => ({
  actor: r.client ?? ANONYMOUS_CLIENT,
  action: 'exchange.recorded',
  subject: r.exchangeId,
  details: {
    client: r.client,
    target: r.target,
    service: r.service,
    method: r.method,
    route: r.route,
    subject: r.subject,
    status: r.status,
    errorSide: r.errorSide,
    requestBytes: r.requestBytes,
    responseBytes: r.responseBytes,
    startedAt: r.startedAt,
    endedAt: r.endedAt,
    traceId: r.traceId,
  },
});
