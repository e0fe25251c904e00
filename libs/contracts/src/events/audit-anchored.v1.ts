import { dateTime, defineEvent, integer, object, string } from '../contract';

/**
 * The head of the gateway's audit hash chain at a moment, published so that parties outside the gateway's
 * database hold a witness: a chain rewritten after this point no longer ends in this hash at this seq.
 */
export interface AuditAnchoredV1 {
  /** The audit log anchored, e.g. `gateway.audit_log`. */
  log: string;
  seq: number;
  hash: string;
  anchoredAt: string;
}

export const auditAnchoredV1 = defineEvent<AuditAnchoredV1>({
  topic: 'audit.anchored.v1',
  type: 'vn.lienthong.audit.anchored.v1',
  partitions: 1,
  schema: object({
    log: string(),
    seq: integer({ minimum: 1 }),
    hash: string({ pattern: '^[0-9a-f]{64}$' }),
    anchoredAt: dateTime,
  }),
  example: {
    log: 'gateway.audit_log',
    seq: 42,
    hash: '9f2c4e8d1b7a3f6e0c5d2a9b8e7f1c3d4a6b5e2f8c9d0a1b3e4f5a6b7c8d9e0f',
    anchoredAt: '2026-11-23T07:01:00.000Z',
  },
});
