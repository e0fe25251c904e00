import { defineEvent, integer, object, string, dateTime } from '../contract';

export interface ProcedureFeeV1 {
  /** as published: FEE, SERVICE_FEE, CHARGE … */
  kind: string;
  amount: number;
  submissionMethod: string;
  description?: string;
}

/** A processing time as published: a quantity of WORKING_DAY, DAY … (OTHER: described in words elsewhere). */
export interface ProcedureDurationV1 {
  quantity: number;
  unit: string;
}

/** Something the catalogue names by a code when it has one: a field, an agency, a legal basis, a result, a kind of applicant. */
export interface ProcedureReferenceV1 {
  code?: string;
  name: string;
}

/** A paper of the dossier (thành phần hồ sơ): how many originals and copies, and its forms to download. */
export interface ProcedureComponentV1 {
  code?: string;
  name: string;
  originals: number;
  copies: number;
  required: boolean;
  electronicForm: boolean;
  forms: { fileName: string; path: string }[];
}

/** One way of submitting (ONLINE, POSTAL, DIRECT) with its own processing time and fees. */
export interface ProcedureExecutionMethodV1 {
  submissionMethod: string;
  processingTime: ProcedureDurationV1 | null;
  description?: string;
  fees: Omit<ProcedureFeeV1, 'submissionMethod'>[];
}

export interface ProcedureCaseV1 {
  code: string;
  name: string;
  processingTime?: ProcedureDurationV1;
  components?: ProcedureComponentV1[];
}

export interface ProcedurePublishedV1 {
  code: string;
  version: number;
  name: string;
  levels: string[];
  submissionMethods: string[];
  cases: ProcedureCaseV1[];
  fees: ProcedureFeeV1[];
  processingTime: ProcedureDurationV1 | null;
  promulgatingAgency: string | null;
  executionMethods?: ProcedureExecutionMethodV1[];
  /** The papers to submit, per situation of the applicant (the national record's execution cases). */
  componentSets?: { name: string; components: ProcedureComponentV1[] }[];
  /** Fields (lĩnh vực) the procedure belongs to. */
  fields?: ProcedureReferenceV1[];
  competentAgencies?: ProcedureReferenceV1[];
  implementingAgencies?: ProcedureReferenceV1[];
  results?: ProcedureReferenceV1[];
  legalBases?: ProcedureReferenceV1[];
  subjectTypes?: ProcedureReferenceV1[];
  steps?: { name: string; description: string }[];
  requirements?: string;
  publishedAt: string;
}

const text = { type: 'string' };
const duration = object({ quantity: { type: 'number', minimum: 0 }, unit: string() });
const reference = object({ code: string(), name: string() }, ['name']);
const listOf = (items: unknown) => ({ type: 'array', items });
const component = object({
  code: string(),
  name: string(),
  originals: integer({ minimum: 0 }),
  copies: integer({ minimum: 0 }),
  required: { type: 'boolean' },
  electronicForm: { type: 'boolean' },
  forms: listOf(object({ fileName: string(), path: string() })),
}, ['name', 'originals', 'copies', 'required', 'electronicForm', 'forms']);
const fee = { kind: string(), amount: integer({ minimum: 0 }), description: text };

export const procedurePublishedV1 = defineEvent<ProcedurePublishedV1>({
  topic: 'procedure.published.v1',
  type: 'vn.lienthong.procedure.published.v1',
  partitions: 3,
  schema: object(
    {
      code: string({ pattern: '^\\d\\.\\d{6}$' }),
      version: integer({ minimum: 1 }),
      name: string(),
      levels: listOf(string()),
      submissionMethods: listOf(string()),
      cases: listOf(object({ code: string(), name: text, processingTime: duration, components: listOf(component) }, ['code', 'name'])),
      fees: listOf(object({ ...fee, submissionMethod: string() }, ['kind', 'amount', 'submissionMethod'])),
      processingTime: { oneOf: [{ type: 'null' }, duration] },
      promulgatingAgency: { type: ['string', 'null'] },
      executionMethods: listOf(
        object({ submissionMethod: string(), processingTime: { oneOf: [{ type: 'null' }, duration] }, description: text, fees: listOf(object(fee, ['kind', 'amount'])) }, [
          'submissionMethod',
          'processingTime',
          'fees',
        ]),
      ),
      componentSets: listOf(object({ name: text, components: listOf(component) })),
      fields: listOf(reference),
      competentAgencies: listOf(reference),
      implementingAgencies: listOf(reference),
      results: listOf(reference),
      legalBases: listOf(reference),
      subjectTypes: listOf(reference),
      steps: listOf(object({ name: text, description: text })),
      requirements: text,
      publishedAt: dateTime,
    },
    ['code', 'version', 'name', 'levels', 'submissionMethods', 'cases', 'fees', 'processingTime', 'promulgatingAgency', 'publishedAt'],
  ),
  example: {
    code: '1.000358',
    version: 1,
    name: 'Gia hạn Giấy phép thành lập Chi nhánh của thương nhân nước ngoài tại Việt Nam',
    levels: ['PROVINCE'],
    submissionMethods: ['ONLINE', 'POSTAL', 'DIRECT'],
    cases: [{ code: '1.000358.01', name: 'Gia hạn Giấy phép thành lập Chi nhánh', processingTime: { quantity: 5, unit: 'WORKING_DAY' } }],
    fees: [{ kind: 'FEE', amount: 0, submissionMethod: 'ONLINE' }],
    processingTime: { quantity: 5, unit: 'WORKING_DAY' },
    promulgatingAgency: 'G02',
    executionMethods: [{ submissionMethod: 'ONLINE', processingTime: { quantity: 5, unit: 'WORKING_DAY' }, fees: [{ kind: 'FEE', amount: 0 }] }],
    componentSets: [
      {
        name: '',
        components: [
          {
            code: '000.00.00.G02-KQ0437',
            name: 'Bản sao Giấy phép thành lập Chi nhánh đã được cấp',
            originals: 0,
            copies: 1,
            required: false,
            electronicForm: false,
            forms: [],
          },
        ],
      },
    ],
    fields: [{ code: 'G02-CT19', name: 'Thương mại quốc tế' }],
    competentAgencies: [],
    implementingAgencies: [{ code: 'UBNDCT', name: 'Ủy ban nhân dân cấp tỉnh' }],
    results: [{ code: 'KQ.G02.000444', name: 'Gia hạn Giấy phép thành lập Chi nhánh của thương nhân nước ngoài tại Việt Nam' }],
    legalBases: [{ code: '07/2016/NĐ-CP', name: 'Nghị định số 07/2016/NĐ-CP' }],
    subjectTypes: [{ code: 'ĐT4', name: 'Người nước ngoài' }],
    steps: [{ name: 'Bước 1', description: 'Nộp hồ sơ tại Sở Công Thương' }],
    requirements: '',
    publishedAt: '2026-11-23T07:00:00.000Z',
  },
});
