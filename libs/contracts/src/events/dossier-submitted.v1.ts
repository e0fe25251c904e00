import { defineEvent, integer, object, string, dateTime } from '../contract';

export interface ApplicantV1 {
  name: string;
  idNumber: string;
  /** 1 = 12-digit citizen id (CCCD), 2 = 9-digit old id (CMND) */
  idType: 1 | 2;
  /** LoaiDoiTuong: 1 citizen, 2 enterprise, 3 state agency, 4 other organisation */
  kind: 1 | 2 | 3 | 4;
  accountId?: string;
}

export interface ContactV1 {
  email: string;
  phone: string;
}

export interface DossierSubmittedV1 {
  code: string;
  partnerReference: string;
  sourceSystem: string;
  procedureCode: string;
  procedureName: string;
  caseCode: string | null;
  agencyCode: string;
  provinceCode: string;
  /** KenhThucHien: 1 at the counter, 2 online, 3 public postal service */
  channel: 1 | 2 | 3;
  applicant: ApplicantV1;
  contact: ContactV1;
  summary: string;
  status: number;
  submittedAt: string;
}

export const applicantSchema = object(
  {
    name: string({ maxLength: 200 }),
    idNumber: string({ pattern: '^(\\d{12}|\\d{9})$' }),
    idType: { enum: [1, 2] },
    kind: { enum: [1, 2, 3, 4] },
    accountId: { type: 'string' },
  },
  ['name', 'idNumber', 'idType', 'kind'],
);
export const contactSchema = object({ email: string({ format: 'email' }), phone: string({ pattern: '^0\\d{9}$' }) });

export const dossierSubmittedV1 = defineEvent<DossierSubmittedV1>({
  topic: 'dossier.submitted.v1',
  type: 'vn.lienthong.dossier.submitted.v1',
  partitions: 6,
  schema: object({
    code: string(),
    partnerReference: string(),
    sourceSystem: string(),
    procedureCode: string(),
    procedureName: string(),
    caseCode: { type: ['string', 'null'] },
    agencyCode: string(),
    provinceCode: string({ pattern: '^H\\d{2}$' }),
    channel: { enum: [1, 2, 3] },
    applicant: applicantSchema,
    contact: contactSchema,
    summary: { type: 'string', maxLength: 1000 },
    status: integer({ const: 1 }),
    submittedAt: dateTime,
  }),
  example: {
    code: '000.00.06.H56-261123-0001',
    partnerReference: 'PORTAL-2026-000001',
    sourceSystem: 'VN/GOV/000.00.00.G22/DVCQG',
    procedureCode: '1.000358',
    procedureName: 'Gia hạn Giấy phép thành lập Chi nhánh của thương nhân nước ngoài tại Việt Nam',
    caseCode: '1.000358.01',
    agencyCode: '000.00.06.H56',
    provinceCode: 'H56',
    channel: 2,
    applicant: { name: 'Nguyễn Văn An', idNumber: '038090001234', idType: 1, kind: 1 },
    contact: { email: 'an.nguyen@example.vn', phone: '0961234567' },
    summary: 'Đề nghị gia hạn giấy phép',
    status: 1,
    submittedAt: '2026-11-23T07:00:00.000Z',
  },
});
