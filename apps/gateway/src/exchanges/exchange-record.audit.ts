import type { ExchangeRecordedV1 } from '@lienthong/contracts';
import type { AuditRecord } from '../audit/audit-chain';

/** The actor (and Kafka key) of a call refused before its client was known. */
export const ANONYMOUS_CLIENT = 'anonymous';

/**
 * An exchange as evidence: who called what, about which business key, with what outcome, when. The details are the
 * record itself but for its id, which is the entry's subject.
 */
export function exchangeAuditRecord(record: ExchangeRecordedV1): AuditRecord {
  const { exchangeId, ...details } = record;
  return { actor: record.client ?? ANONYMOUS_CLIENT, action: 'exchange.recorded', subject: exchangeId, details };
}
