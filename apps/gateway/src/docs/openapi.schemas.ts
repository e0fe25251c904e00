import { applicantSchema, contactSchema, dateTime, ERROR_SIDES, exchangeRecordedV1, procedurePublishedV1 } from '@lienthong/contracts';
import { DOSSIER_STATUS_LABELS } from '@lienthong/domain-dossier';
import { SERVICE_CODE, SYSTEM_KINDS } from '@lienthong/domain-registry';
import { CERTIFICATE_FINGERPRINT, PEM_CERTIFICATE } from '../registry/operator-registry.dto';
import { Permission } from '../registry/permissions';

/** A JSON Schema (2020-12, the OpenAPI 3.1 dialect). */
export type JsonSchema = Record<string, unknown>;

export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const str = (extra: JsonSchema = {}): JsonSchema => ({ type: 'string', ...extra });
const int = (extra: JsonSchema = {}): JsonSchema => ({ type: 'integer', ...extra });
const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });
/** A body the gateway's services read through whitelisting DTOs: an unknown property is refused with 400. */
const closed = (properties: Record<string, JsonSchema>, required: string[] = Object.keys(properties)): JsonSchema => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});
/** An answer: clients must ignore members they do not know, so that adding one is not a breaking change. */
const open = (properties: Record<string, JsonSchema>, required: string[] = Object.keys(properties)): JsonSchema => ({
  type: 'object',
  properties,
  required,
});
const withoutKeys = (properties: Record<string, unknown>, ...keys: string[]) => Object.fromEntries(Object.entries(properties).filter(([k]) => !keys.includes(k)));

/** instance/member class/member code/subsystem, as AddSystemDto and SystemIdParams check it. */
export const SYSTEM_ID_PATTERN = '^[A-Z]{2,8}/[A-Z]{2,8}/[0-9A-Z.]{1,40}/[A-Z0-9_-]{1,40}$';
/** '*', a province code, or a provider's service (`<system id>/<service code>` or `<system id>/*`), as GrantDto checks it. */
export const SCOPE_PATTERN = `^(\\*|H\\d{2}|${SYSTEM_ID_PATTERN.slice(1, -1)}/(\\*|[a-z0-9-]{1,64}))$`;
/** A service code, as the gateway checks it: lower-case words joined by hyphens. */
export const SERVICE_CODE_PATTERN = SERVICE_CODE.source;
const UUID = str({ format: 'uuid' });
const DOSSIER_STATUS = int({
  minimum: 1,
  maximum: 10,
  description: Object.entries(DOSSIER_STATUS_LABELS)
    .map(([status, label]) => `${status}: ${label}`)
    .join('; '),
});

const contractProperties = (schema: JsonSchema) => schema.properties as Record<string, JsonSchema>;

/*
 * The dossier bodies mirror apps/intake/src/dossiers/*.dto.ts, which the gateway cannot import (apps never import
 * another app). test/openapi.int-spec.ts keeps the mirror honest as far as the gateway can see: every documented
 * example must validate against these schemas. A change to those DTOs must be made here too.
 */
const applicant = closed(
  { ...contractProperties(applicantSchema), name: str({ minLength: 1, maxLength: 200 }), accountId: str({ maxLength: 100 }) },
  applicantSchema.required,
);
const contact = closed({ ...contractProperties(contactSchema), email: str({ format: 'email', maxLength: 254 }) });

const dossierProperties: Record<string, JsonSchema> = {
  code: str({ description: 'Circular 01/2018/TT-VPCP art. 19: `<agency code>-<YYMMDD>-<daily sequence>`', pattern: '^.+-\\d{6}-\\d{4}$' }),
  status: DOSSIER_STATUS,
  statusLabel: str(),
  procedure: open({ code: str(), name: str(), caseCode: nullable(str()) }),
  agencyCode: str(),
  provinceCode: str({ pattern: '^H\\d{2}$' }),
  channel: { enum: [1, 2, 3], description: 'KenhThucHien: 1 at the counter, 2 online, 3 public postal service' },
  partnerReference: str(),
  sourceSystem: str({ description: 'The system that submitted the dossier' }),
  applicant: open({ name: str(), kind: { enum: [1, 2, 3, 4] }, idType: { enum: [1, 2] }, idNumber: str({ description: 'Masked: only the last 4 digits are shown', pattern: '^\\*+\\d{4}$' }) }),
  summary: str(),
  submittedAt: dateTime,
  updatedAt: dateTime,
  dueAt: nullable({ ...dateTime, description: 'ngày hẹn trả, the end of the due day: from acceptance on the working calendar; null before it, while a supplement is awaited, and once processed' }),
  overdue: { type: 'boolean', description: 'Past its due date while still being processed (dossier.overdue.v1 was published)' },
};
const TIMELINE_ENTRY = open(
  {
    kind: { enum: ['submitted', 'status-changed', 'status-late', 'sub-state', 'step', 'overdue', 'delivered', 'delivery-failed', 'notified', 'payment-requested', 'payment-failed', 'paid-twice'] },
    status: { ...DOSSIER_STATUS, description: "The dossier's status at the time" },
    statusLabel: str(),
    previousStatus: nullable(DOSSIER_STATUS),
    note: nullable(str({ description: "A report's note; a step's content; a delivery's attempts; a notification's template; a payment's amount" })),
    detail: str({ description: "The reported word of a sub-state; the handler of a step; a delivery's, a payment's id; a notification's channel" }),
    actor: str({ description: 'The system, or the backbone service, that did it' }),
    occurredAt: dateTime,
  },
  ['kind', 'status', 'statusLabel', 'previousStatus', 'note', 'actor', 'occurredAt'],
);
/** Where a dossier stands, with nothing personal (the tracking and journey views). */
const standingProperties: Record<string, JsonSchema> = {
  ...Object.fromEntries(['code', 'status', 'statusLabel', 'agencyCode', 'provinceCode', 'submittedAt', 'dueAt', 'overdue'].map((k) => [k, dossierProperties[k]])),
  procedure: open({ code: str(), name: str() }),
};
const REPORTED_STATUS: JsonSchema = {
  oneOf: [DOSSIER_STATUS, str({ pattern: '^[\\p{L}\\p{N}_.-]{1,40}$', description: 'A status word: the portal\'s (new, processing, done …), or one the system\'s status mapping names' })],
};

const systemProperties: Record<string, JsonSchema> = {
  id: str({ pattern: SYSTEM_ID_PATTERN }),
  name: str(),
  kind: { enum: [...SYSTEM_KINDS] },
  status: { enum: ['active', 'suspended'] },
  agencyCode: nullable(str()),
  xroad: open({ instance: str(), memberClass: str(), memberCode: str(), subsystem: str() }),
  createdAt: dateTime,
};
const keyProperties: Record<string, JsonSchema> = { id: UUID, systemId: str(), prefix: str(), createdAt: dateTime, revokedAt: nullable(dateTime) };
const certificateProperties: Record<string, JsonSchema> = {
  fingerprint: str({ pattern: CERTIFICATE_FINGERPRINT.source, description: 'SHA-256 of the DER certificate, lowercase hex' }),
  systemId: str(),
  subject: str(),
  issuer: str(),
  serialNumber: str(),
  notBefore: dateTime,
  notAfter: dateTime,
  createdAt: dateTime,
  revokedAt: nullable(dateTime),
};
const grant = open({ permission: { enum: Object.values(Permission) }, scope: str({ pattern: SCOPE_PATTERN }) });

const pageOf = (item: string): JsonSchema => open({ items: { type: 'array', items: ref(item) }, page: int({ minimum: 1 }), pageSize: int({ minimum: 1, maximum: 100 }), total: int({ minimum: 0 }) });

export const SCHEMAS: Record<string, JsonSchema> = {
  Problem: {
    type: 'object',
    description: 'RFC 9457 problem details, answered as application/problem+json by every route but the token endpoint.',
    properties: {
      type: str({ format: 'uri' }),
      title: str(),
      status: int({ minimum: 400, maximum: 599 }),
      detail: str(),
      instance: str(),
      traceId: str({ pattern: '^[0-9a-f]{32}$' }),
      errors: { type: 'array', items: str(), description: 'Each input rule broken, for a 400 from validation' },
      errorSide: { enum: [...ERROR_SIDES], description: 'Whom to call: the client, the gateway or the providing service' },
      retryAfterSeconds: int({ minimum: 0 }),
    },
    required: ['type', 'title', 'status'],
  },
  OAuthError: open({ error: { enum: ['invalid_request', 'invalid_client', 'unsupported_grant_type'] }, error_description: str() }, ['error']),
  TokenRequest: closed(
    {
      grant_type: str({ const: 'client_credentials' }),
      client_id: str({ maxLength: 200, description: 'The system id, when not sent with HTTP Basic' }),
      client_secret: str({ maxLength: 200 }),
      scope: str({ maxLength: 1000, description: 'Accepted and not used: what a token allows comes from the grants' }),
    },
    ['grant_type'],
  ),
  TokenResponse: open({ access_token: str(), token_type: { const: 'Bearer' }, expires_in: int({ minimum: 1 }) }),
  JsonWebKeySet: open({
    keys: { type: 'array', items: open({ kty: { const: 'EC' }, crv: { const: 'P-256' }, x: str(), y: str(), kid: str(), alg: { const: 'ES256' }, use: { const: 'sig' } }) },
  }),
  SubmitDossier: closed(
    {
      partnerReference: str({ minLength: 1, maxLength: 100, description: "The submitting system's own id for this submission; sending it again returns the same dossier" }),
      procedureCode: str({ minLength: 1, maxLength: 40, description: 'National code, case code or local variant: normalised to the national code' }),
      caseCode: str({ pattern: '^\\d\\.\\d{6}\\.\\d{2}$' }),
      agencyCode: str({ maxLength: 40, description: 'The competent agency; its province decides which grants cover the call' }),
      channel: { enum: [1, 2, 3], description: 'KenhThucHien: 1 at the counter, 2 online, 3 public postal service' },
      applicant,
      contact,
      summary: str({ maxLength: 1000, description: 'TrichYeuHoSo' }),
    },
    ['partnerReference', 'procedureCode', 'agencyCode', 'channel', 'applicant', 'contact', 'summary'],
  ),
  UpdateDossierStatus: closed(
    { status: REPORTED_STATUS, note: str({ maxLength: 2000 }), occurredAt: { ...dateTime, description: 'When the status changed in the reporting system; defaults to now' } },
    ['status'],
  ),
  DossierStatusBatch: closed({
    reports: {
      type: 'array',
      minItems: 1,
      maxItems: 500,
      description: 'Judged in this order, each on its own; all must be of dossiers of the one province the grant covers',
      items: closed({ code: str({ minLength: 1, maxLength: 100, description: 'The dossier code (mã hồ sơ)' }), status: REPORTED_STATUS, note: str({ maxLength: 2000 }), occurredAt: dateTime }, ['code', 'status']),
    },
  }),
  DossierStatusBatchAnswer: open({
    items: {
      type: 'array',
      description: 'One per report, in their order',
      items: {
        oneOf: [
          open({ code: str(), status: DOSSIER_STATUS, applied: { type: 'boolean' }, outcome: { enum: ['applied', 'late', 'duplicate', 'noted'] } }),
          open({ code: str(), problem: { ...ref('Problem'), description: 'Why this report alone was refused (dossier-not-found, unknown-status, illegal-transition), as the single route answers it' } }),
        ],
      },
    },
  }),
  RecordSteps: closed({
    steps: {
      type: 'array',
      minItems: 1,
      maxItems: 50,
      items: closed(
        {
          handler: str({ minLength: 1, maxLength: 50, description: 'NguoiXuLy' }),
          position: str({ maxLength: 200, description: 'ChucDanh' }),
          department: str({ maxLength: 200, description: 'PhongBanXuLy' }),
          content: str({ minLength: 1, maxLength: 2000, description: 'NoiDungXuLy' }),
          status: { ...REPORTED_STATUS, description: "TrangThai: the dossier's status after the step, judged as a status report at occurredAt" },
          occurredAt: { ...dateTime, description: 'ThoiDiemXuLy' },
          startedAt: { ...dateTime, description: 'NgayBatDau' },
          dueAt: { ...dateTime, description: 'NgayKetThucTheoQuyDinh' },
        },
        ['handler', 'content', 'occurredAt'],
      ),
    },
  }),
  DossierSteps: open({
    ...dossierProperties,
    recorded: int({ minimum: 0 }),
    duplicates: int({ minimum: 0, description: 'Steps sent before (same handler, instant and content): not stored again' }),
  }),
  Dossier: open(dossierProperties),
  DossierWithTimeline: open(
    {
      ...dossierProperties,
      timeline: { type: 'array', items: TIMELINE_ENTRY },
    },
    [...Object.keys(dossierProperties), 'timeline'],
  ),
  DossierTracking: open({
    ...standingProperties,
    applicant: open({ name: str({ description: 'Masked: the first letter of each word', example: 'N***** V** A*' }) }),
    history: { type: 'array', items: open({ status: DOSSIER_STATUS, statusLabel: str(), occurredAt: dateTime }), description: 'Each change of status, in the order it happened' },
  }),
  DossierJourney: open({
    ...standingProperties,
    sourceSystem: dossierProperties.sourceSystem,
    journey: { type: 'array', items: TIMELINE_ENTRY, description: 'Everything every system did with the dossier, in the order it happened' },
  }),
  DossierStatusUpdate: open({
    ...dossierProperties,
    applied: { type: 'boolean', description: 'true when the report moved the dossier on' },
    outcome: {
      enum: ['applied', 'late', 'duplicate', 'noted'],
      description:
        'applied: the status moved on; late: kept, but later reports already decided the status; duplicate: the same status at the same instant was reported before; noted: a sub-state, kept on the timeline only',
    },
  }),
  ProcedureSummary: open({ code: str(), name: str(), levels: { type: 'array', items: str() }, version: int({ minimum: 1 }), updatedAt: dateTime }),
  Procedure: open(
    { ...withoutKeys(contractProperties(procedurePublishedV1.schema), 'publishedAt'), updatedAt: dateTime },
    [...(procedurePublishedV1.schema.required as string[]).filter((k) => k !== 'publishedAt'), 'updatedAt'],
  ),
  ProcedurePage: pageOf('ProcedureSummary'),
  NationalProcedureRecord: { ...open({ code: str(), name: str() }), description: 'A record in the national TTHC JSON format, with every field it was imported with' },
  ProcedureVersionList: open({ items: { type: 'array', items: open({ code: str(), version: int({ minimum: 1 }), contentHash: str({ pattern: '^[0-9a-f]{64}$' }), publishedAt: dateTime }) } }),
  ProcedureVersion: {
    allOf: [ref('Procedure'), open({ record: ref('NationalProcedureRecord') })],
  },
  System: open(systemProperties),
  SystemPage: pageOf('System'),
  SystemDetails: open({
    ...systemProperties,
    keys: { type: 'array', items: ref('ApiKey') },
    grants: { type: 'array', items: ref('Grant') },
    certificates: { type: 'array', items: ref('ClientCertificate') },
  }),
  AddSystem: closed({ id: str({ pattern: SYSTEM_ID_PATTERN }), name: str({ minLength: 1, maxLength: 200 }), kind: { enum: [...SYSTEM_KINDS] } }),
  SuspendSystem: closed({ reason: str({ minLength: 1, maxLength: 500 }) }, []),
  ApiKey: open(keyProperties),
  IssuedApiKey: open({ ...keyProperties, apiKey: str({ description: 'Shown this once: only its hash is stored' }) }),
  Grant: grant,
  AddGrant: { ...grant, additionalProperties: false },
  RegisterClientCertificate: closed({
    certificate: str({ maxLength: 16384, pattern: PEM_CERTIFICATE.source, description: 'One PEM certificate, without its key' }),
  }),
  ClientCertificate: open(certificateProperties),
  IssuedClientSecret: open({ id: UUID, systemId: str(), clientSecret: str({ description: 'Shown this once: only its hash is stored' }), createdAt: dateTime }),
  RotatedSigningKey: open({ kid: str(), activatedAt: dateTime }),
  LegacyServiceCall: {
    type: 'object',
    description: "The service's parameters, as its mapping in the connector reads them; tra-cuu-ho-so takes MaHoSo (or the code in the path instead)",
    properties: { MaHoSo: str({ minLength: 1, maxLength: 100, description: 'The dossier code' }) },
  },
  LegacyAnswer: {
    type: 'object',
    description: "The legacy system's own answer, passed through unchanged: for the one-stop session dialect, error_code 0 (as a number or a string) with the result, or a refusal with its message",
    properties: { error_code: { type: ['integer', 'string'] }, message: str(), result: {} },
    required: ['error_code'],
  },
  ExchangeRecord: exchangeRecordedV1.schema,
  ExchangeRecordPage: pageOf('ExchangeRecord'),
};
