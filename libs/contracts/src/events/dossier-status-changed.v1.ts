import { defineEvent, dossierStatus, object, string, dateTime } from '../contract';
import { ContactV1, contactSchema } from './dossier-submitted.v1';

export interface DossierStatusChangedV1 {
  code: string;
  procedureCode: string;
  provinceCode: string;
  previousStatus: number;
  status: number;
  note: string | null;
  changedBy: string;
  changedAt: string;
  applicantName: string;
  contact: ContactV1;
  /** The due date (ngày hẹn trả) after the change; null when none runs (before acceptance, awaiting a supplement, finished). */
  dueAt?: string | null;
  /** How the dossier was submitted (KenhThucHien): 1 at the counter, 2 online, 3 by post; what notices are worded by. */
  channel?: 1 | 2 | 3;
}

export const dossierStatusChangedV1 = defineEvent<DossierStatusChangedV1>({
  topic: 'dossier.status-changed.v1',
  type: 'vn.lienthong.dossier.status-changed.v1',
  partitions: 6,
  schema: object(
    {
      code: string(),
      procedureCode: string(),
      provinceCode: string({ pattern: '^H\\d{2}$' }),
      previousStatus: dossierStatus,
      status: dossierStatus,
      note: { type: ['string', 'null'] },
      changedBy: string(),
      changedAt: dateTime,
      applicantName: string(),
      contact: contactSchema,
      dueAt: { oneOf: [{ type: 'null' }, dateTime] },
      channel: { enum: [1, 2, 3] },
    },
    ['code', 'procedureCode', 'provinceCode', 'previousStatus', 'status', 'note', 'changedBy', 'changedAt', 'applicantName', 'contact'],
  ),
  example: {
    code: '000.00.06.H56-261123-0001',
    procedureCode: '1.000358',
    provinceCode: 'H56',
    previousStatus: 1,
    status: 2,
    note: 'Tiếp nhận hồ sơ',
    changedBy: 'VN/GOV/000.00.00.H56/MOTCUA',
    changedAt: '2026-11-23T07:05:00.000Z',
    applicantName: 'Nguyễn Văn An',
    contact: { email: 'an.nguyen@example.vn', phone: '0961234567' },
    dueAt: '2026-11-30T10:00:00.000Z',
  },
});
