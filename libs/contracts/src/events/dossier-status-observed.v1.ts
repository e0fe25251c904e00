import { defineEvent, dossierStatus, object, string, dateTime } from '../contract';

/**
 * A status the connector saw when it looked a dossier up in the system processing it (a system that cannot push its
 * statuses): one event per change of what the system answers. It is that system's report, read by intake as a push.
 */
export interface DossierStatusObservedV1 {
  code: string;
  /** The system that reported it (X-Road style id), whose status mapping reads it. */
  systemCode: string;
  /** As the system answered it: a number 1–10, or text (a numeral, a portal status name, a word of the system's own). */
  status: number | string;
  /** When the status was reached, as the system's record says; observedAt when it says nothing. */
  occurredAt: string;
  observedAt: string;
}

export const dossierStatusObservedV1 = defineEvent<DossierStatusObservedV1>({
  topic: 'dossier.status-observed.v1',
  type: 'vn.lienthong.dossier.status-observed.v1',
  partitions: 6,
  schema: object({
    code: string(),
    systemCode: string(),
    status: { oneOf: [dossierStatus, string({ pattern: '^[\\p{L}\\p{N}_.-]{1,40}$' })] },
    occurredAt: dateTime,
    observedAt: dateTime,
  }),
  example: {
    code: '000.00.06.H56-261123-0001',
    systemCode: 'VN/GOV/000.00.00.H56/MOTCUA',
    status: '2',
    occurredAt: '2026-11-23T01:15:00.000Z',
    observedAt: '2026-11-23T01:16:00.000Z',
  },
});
