import { defineEvent, dossierStatus, object, string, dateTime } from '../contract';

/** A dossier found past its due date (ngày hẹn trả) while still being processed; published once per due date. */
export interface DossierOverdueV1 {
  code: string;
  procedureCode: string;
  agencyCode: string;
  provinceCode: string;
  status: number;
  dueAt: string;
  detectedAt: string;
}

export const dossierOverdueV1 = defineEvent<DossierOverdueV1>({
  topic: 'dossier.overdue.v1',
  type: 'vn.lienthong.dossier.overdue.v1',
  partitions: 6,
  schema: object({
    code: string(),
    procedureCode: string(),
    agencyCode: string(),
    provinceCode: string({ pattern: '^H\\d{2}$' }),
    status: dossierStatus,
    dueAt: dateTime,
    detectedAt: dateTime,
  }),
  example: {
    code: '000.00.06.H56-261123-0001',
    procedureCode: '1.000358',
    agencyCode: '000.00.06.H56',
    provinceCode: 'H56',
    status: 4,
    dueAt: '2026-11-30T10:00:00.000Z',
    detectedAt: '2026-11-30T10:01:00.000Z',
  },
});
