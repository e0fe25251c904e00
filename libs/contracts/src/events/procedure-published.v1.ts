import { defineEvent, integer, object, string, dateTime } from '../contract';

export interface ProcedureFeeV1 {
  /** as published: FEE, SERVICE_FEE, CHARGE … */
  kind: string;
  amount: number;
  submissionMethod: string;
  description?: string;
}

export interface ProcedurePublishedV1 {
  code: string;
  version: number;
  name: string;
  levels: string[];
  submissionMethods: string[];
  cases: { code: string; name: string }[];
  fees: ProcedureFeeV1[];
  processingTime: { quantity: number; unit: string } | null;
  promulgatingAgency: string | null;
  publishedAt: string;
}

export const procedurePublishedV1 = defineEvent<ProcedurePublishedV1>({
  topic: 'procedure.published.v1',
  type: 'vn.lienthong.procedure.published.v1',
  partitions: 3,
  schema: object({
    code: string({ pattern: '^\\d\\.\\d{6}$' }),
    version: integer({ minimum: 1 }),
    name: string(),
    levels: { type: 'array', items: string() },
    submissionMethods: { type: 'array', items: string() },
    cases: { type: 'array', items: object({ code: string(), name: { type: 'string' } }) },
    fees: {
      type: 'array',
      items: object(
        { kind: string(), amount: integer({ minimum: 0 }), submissionMethod: string(), description: { type: 'string' } },
        ['kind', 'amount', 'submissionMethod'],
      ),
    },
    processingTime: { oneOf: [{ type: 'null' }, object({ quantity: { type: 'number', minimum: 0 }, unit: string() })] },
    promulgatingAgency: { type: ['string', 'null'] },
    publishedAt: dateTime,
  }),
  example: {
    code: '1.000358',
    version: 1,
    name: 'Gia hạn Giấy phép thành lập Chi nhánh của thương nhân nước ngoài tại Việt Nam',
    levels: ['PROVINCE'],
    submissionMethods: ['ONLINE', 'POSTAL', 'DIRECT'],
    cases: [{ code: '1.000358.01', name: 'Gia hạn Giấy phép thành lập Chi nhánh' }],
    fees: [{ kind: 'FEE', amount: 0, submissionMethod: 'ONLINE' }],
    processingTime: { quantity: 5, unit: 'WORKING_DAY' },
    promulgatingAgency: 'G02',
    publishedAt: '2026-11-23T07:00:00.000Z',
  },
});
