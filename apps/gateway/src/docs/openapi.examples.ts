import { dossierSubmittedV1, exchangeRecordedV1, procedurePublishedV1 } from '@lienthong/contracts';
import { DOSSIER_STATUS_LABELS, DossierStatus } from '@lienthong/domain-dossier';
import { DOSSIER_LOOKUP_SERVICE, NATIONAL_PORTAL_SYSTEM, oneStopSystemOf } from '@lienthong/domain-registry';
import { problemType } from '@lienthong/platform-http';
import { Permission } from '../registry/permissions';

/** One example as OpenAPI names it: a summary and a value (the test checks each value against its schema). */
export interface Example {
  summary: string;
  value: unknown;
}

const submitted = dossierSubmittedV1.example;
const THANH_HOA = oneStopSystemOf('H56');
const CODE = submitted.code;
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';

export const submitDossier: Example = {
  summary: 'An online application from the national portal to a Thanh Hoá agency',
  value: {
    partnerReference: submitted.partnerReference,
    procedureCode: submitted.procedureCode,
    caseCode: submitted.caseCode,
    agencyCode: submitted.agencyCode,
    channel: submitted.channel,
    applicant: submitted.applicant,
    contact: submitted.contact,
    summary: submitted.summary,
  },
};

const dossier = {
  code: CODE,
  status: DossierStatus.Registered,
  statusLabel: DOSSIER_STATUS_LABELS[DossierStatus.Registered],
  procedure: { code: submitted.procedureCode, name: submitted.procedureName, caseCode: submitted.caseCode },
  agencyCode: submitted.agencyCode,
  provinceCode: submitted.provinceCode,
  channel: submitted.channel,
  partnerReference: submitted.partnerReference,
  sourceSystem: NATIONAL_PORTAL_SYSTEM,
  applicant: { name: submitted.applicant.name, kind: submitted.applicant.kind, idType: submitted.applicant.idType, idNumber: '********1234' },
  summary: submitted.summary,
  submittedAt: submitted.submittedAt,
  updatedAt: submitted.submittedAt,
  dueAt: null,
  overdue: false,
};
const ACCEPTED = { status: DossierStatus.Accepted, statusLabel: DOSSIER_STATUS_LABELS[DossierStatus.Accepted], dueAt: '2026-11-30T16:59:59.999Z' };

export const dossierCreated: Example = { summary: 'The new dossier, with its national code', value: dossier };
export const dossierSeenBefore: Example = { summary: 'The partner reference was submitted before: the earlier dossier', value: dossier };

const SUBMITTED_ENTRY = { kind: 'submitted', status: DossierStatus.Registered, statusLabel: DOSSIER_STATUS_LABELS[DossierStatus.Registered], previousStatus: null, note: null, actor: NATIONAL_PORTAL_SYSTEM, occurredAt: submitted.submittedAt };
const ACCEPTED_ENTRY = {
  kind: 'status-changed',
  status: DossierStatus.Accepted,
  statusLabel: DOSSIER_STATUS_LABELS[DossierStatus.Accepted],
  previousStatus: DossierStatus.Registered,
  note: 'Hồ sơ hợp lệ, đã tiếp nhận tại Bộ phận Một cửa',
  actor: THANH_HOA,
  occurredAt: '2026-11-23T08:15:00.000Z',
};

export const dossierWithTimeline: Example = {
  summary: 'A dossier accepted by the one-stop office',
  value: {
    ...dossier,
    ...ACCEPTED,
    updatedAt: '2026-11-23T08:15:00.000Z',
    timeline: [SUBMITTED_ENTRY, ACCEPTED_ENTRY],
  },
};

const standing = {
  code: CODE,
  ...ACCEPTED,
  procedure: { code: submitted.procedureCode, name: submitted.procedureName },
  agencyCode: dossier.agencyCode,
  provinceCode: dossier.provinceCode,
  submittedAt: submitted.submittedAt,
  overdue: false,
};
export const dossierTracking: Example = {
  summary: 'Accepted, due on 30 November',
  value: {
    ...standing,
    applicant: { name: 'N***** V** A*' },
    history: [{ status: DossierStatus.Accepted, statusLabel: DOSSIER_STATUS_LABELS[DossierStatus.Accepted], occurredAt: '2026-11-23T08:15:00.000Z' }],
  },
};
export const dossierJourney: Example = {
  summary: "Submitted on the portal, delivered to Thanh Hoá's one-stop system, the applicant told, accepted",
  value: {
    ...standing,
    sourceSystem: NATIONAL_PORTAL_SYSTEM,
    journey: [
      SUBMITTED_ENTRY,
      { kind: 'delivered', status: 1, statusLabel: DOSSIER_STATUS_LABELS[DossierStatus.Registered], previousStatus: null, note: 'attempt 1', detail: '0b8e4c8e-2f6a-4c0e-9d59-2f4f0c1d9a11', actor: THANH_HOA, occurredAt: '2026-11-23T07:00:01.000Z' },
      { kind: 'notified', status: 1, statusLabel: DOSSIER_STATUS_LABELS[DossierStatus.Registered], previousStatus: null, note: 'dossier.submitted', detail: 'EMAIL', actor: 'notification', occurredAt: '2026-11-23T07:00:02.000Z' },
      ACCEPTED_ENTRY,
    ],
  },
};

export const updateStatus: Example = {
  summary: 'The one-stop software reports that the dossier was accepted',
  value: { status: DossierStatus.Accepted, note: 'Hồ sơ hợp lệ, đã tiếp nhận tại Bộ phận Một cửa', occurredAt: '2026-11-23T08:15:00+07:00' },
};
export const statusUpdated: Example = {
  summary: 'Accepted',
  value: { ...dossier, ...ACCEPTED, updatedAt: '2026-11-23T01:15:00.000Z', applied: true, outcome: 'applied' },
};
export const recordSteps: Example = {
  summary: 'Two steps of the one-stop office, the second starting the appraisal',
  value: {
    steps: [
      { handler: 'Lê Thị Bình', position: 'Chuyên viên', department: 'Bộ phận Một cửa', content: 'Tiếp nhận hồ sơ', status: DossierStatus.Accepted, occurredAt: '2026-11-23T08:15:00+07:00' },
      { handler: 'Trần Văn Cường', department: 'Phòng Kinh tế', content: 'Thẩm định hồ sơ', status: 'processing', occurredAt: '2026-11-24T09:00:00+07:00', dueAt: '2026-11-27T17:00:00+07:00' },
    ],
  },
};
export const stepsRecorded: Example = {
  summary: 'Both steps recorded; the dossier is being processed',
  value: { ...dossier, ...ACCEPTED, status: DossierStatus.Processing, statusLabel: DOSSIER_STATUS_LABELS[DossierStatus.Processing], updatedAt: '2026-11-24T02:00:00.000Z', recorded: 2, duplicates: 0 },
};

const { publishedAt, ...canonical } = procedurePublishedV1.example;
export const procedure: Example = { summary: 'A provincial procedure of the national catalogue', value: { ...canonical, version: 1, updatedAt: publishedAt } };
export const nationalRecord: Example = {
  summary: 'Part of a national record (the catalogue answers it whole)',
  value: {
    code: canonical.code,
    name: canonical.name,
    isProvince: true,
    executionMethods: [{ submissionMethod: 'ONLINE', processingTime: 5, processingTimeUnit: 'WORKING_DAY', fees: [{ type: 'FEE', value: 0 }] }],
    cases: [{ code: '1.000358.01', name: canonical.cases[0].name, processingDay: { qty: 5, type: 'WORKING_DAY' }, profileComponents: [] }],
    departmentPromulgateCode: 'G02',
    keywords: '',
  },
};
const CONTENT_HASH = '9f2c4e1d7a3b5c8e0f6a2d4b1c3e5f7a9b0d2c4e6f8a1b3d5c7e9f0a2b4c6d8e';
export const procedureVersions: Example = {
  summary: 'Two versions: the record changed once since its first import',
  value: {
    items: [
      { code: canonical.code, version: 2, contentHash: CONTENT_HASH, publishedAt: '2026-12-01T02:00:00.000Z' },
      { code: canonical.code, version: 1, contentHash: CONTENT_HASH.split('').reverse().join(''), publishedAt },
    ],
  },
};
export const procedureVersion: Example = { summary: 'The first version', value: { ...canonical, version: 1, updatedAt: publishedAt, record: nationalRecord.value } };
export const procedurePage: Example = {
  summary: 'Procedures whose name contains "giấy phép"',
  value: { items: [{ code: canonical.code, name: canonical.name, levels: canonical.levels, version: 1, updatedAt: publishedAt }], page: 1, pageSize: 20, total: 1 },
};

export const tokenRequest: Example = {
  summary: 'Client credentials in the body (HTTP Basic is the alternative)',
  value: { grant_type: 'client_credentials', client_id: THANH_HOA, client_secret: 'cs_4fJ0m1xQ8p2VbT6yZk3RnW9sLd7HgE5c' },
};
export const tokenResponse: Example = {
  summary: 'A short-lived ES256 access token',
  value: { access_token: 'eyJhbGciOiJFUzI1NiIsImtpZCI6InF3ZXJ0eSJ9.eyJzdWIiOiJWTi9HT1YvMDAwLjAwLjAwLkg1Ni9NT1RDVUEifQ.c2lnbmF0dXJl', token_type: 'Bearer', expires_in: 300 },
};
export const invalidClient: Example = {
  summary: 'Unknown client, wrong or revoked secret, or suspended system',
  value: { error: 'invalid_client', error_description: 'the client is unknown, its secret is wrong or revoked, or it is suspended' },
};
export const unsupportedGrant: Example = { summary: 'Another grant than client_credentials', value: { error: 'unsupported_grant_type', error_description: 'only the client_credentials grant is supported' } };
export const jwks: Example = {
  summary: 'The active key and one retired less than a token lifetime ago',
  value: {
    keys: [
      { kty: 'EC', crv: 'P-256', x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU', y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0', kid: 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs', alg: 'ES256', use: 'sig' },
    ],
  },
};

const system = {
  id: THANH_HOA,
  name: 'Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Thanh Hoá',
  kind: 'one-stop',
  status: 'active',
  agencyCode: 'H56',
  xroad: { instance: 'VN', memberClass: 'GOV', memberCode: '000.00.00.H56', subsystem: 'MOTCUA' },
  createdAt: '2026-11-01T00:00:00.000Z',
};
const apiKey = { id: '0b6f3c1e-8a52-4d7e-9f10-3c2d1b4a5e6f', systemId: THANH_HOA, prefix: 'lt_Q2hhb', createdAt: '2026-11-01T00:00:00.000Z', revokedAt: null };

const CERTIFICATE_PEM = `-----BEGIN CERTIFICATE-----
MIIB9jCCAZugAwIBAgIFXzqRwucwCgYIKoZIzj0EAwIwPzELMAkGA1UEBhMCVk4x
EjAQBgNVBAoMCUxpZW50aG9uZzEcMBoGA1UEAwwTTGllbnRob25nIGNsaWVudCBD
QTAeFw0yNjExMjMxMjIxMDhaFw0yODExMjIxMjIxMDhaMFExCzAJBgNVBAYTAlZO
MRwwGgYDVQQKDBNVQk5EIHRpbmggVGhhbmggSG9hMSQwIgYDVQQDDBtWTi9HT1Yv
MDAwLjAwLjAwLkg1Ni9NT1RDVUEwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAARu
oU8NvX60zlVXcycGihg5hBjgK+8daU94SBX6464xuoSN2ZYjgzDZgnWYfq9TzEU0
xS5ZeSfbXQYKibeAQqI/o3IwcDAJBgNVHRMEAjAAMA4GA1UdDwEB/wQEAwIHgDAT
BgNVHSUEDDAKBggrBgEFBQcDAjAdBgNVHQ4EFgQUGicZtdwWZzdzUQXcbHNDf4Bq
FyswHwYDVR0jBBgwFoAUfyzYzoUceqG0rU2RKEOZyqQe20owCgYIKoZIzj0EAwID
SQAwRgIhAIF/uJHKO550FbbMOvRXSieMABPaskSUj3D+PJdbU7fkAiEA66a6iBRZ
2e0Hp51S7i5CVgwEixXoCLuDb2piVYg4lUk=
-----END CERTIFICATE-----
`;
const certificate = {
  fingerprint: 'a7398778226dc50d1dfe43a5c82c0740ea104ee793c3de0326e6eb0ea5402aac',
  systemId: THANH_HOA,
  subject: `C=VN, O=UBND tinh Thanh Hoa, CN=${THANH_HOA}`,
  issuer: 'C=VN, O=Lienthong, CN=Lienthong client CA',
  serialNumber: '5F3A91C2E7',
  notBefore: '2026-11-23T12:21:08.000Z',
  notAfter: '2028-11-22T12:21:08.000Z',
  createdAt: '2026-11-23T13:00:00.000Z',
  revokedAt: null,
};

export const systemPage: Example = { summary: 'The one-stop systems of Thanh Hoá', value: { items: [system], page: 1, pageSize: 20, total: 1 } };
export const systemDetails: Example = {
  summary: 'A system with its keys, grants and client certificates',
  value: {
    ...system,
    keys: [apiKey],
    grants: [{ permission: Permission.ReadDossier, scope: 'H56' }, { permission: Permission.UpdateDossierStatus, scope: 'H56' }],
    certificates: [certificate],
  },
};
export const addSystem: Example = {
  summary: "A commune's one-stop system",
  value: { id: 'VN/GOV/000.00.06.H56/MOTCUA-XA', name: 'Một cửa điện tử xã Quảng Phú', kind: 'one-stop' },
};
export const systemAdded: Example = {
  summary: 'Registered, active',
  value: { ...system, id: 'VN/GOV/000.00.06.H56/MOTCUA-XA', name: 'Một cửa điện tử xã Quảng Phú', xroad: { ...system.xroad, memberCode: '000.00.06.H56', subsystem: 'MOTCUA-XA' }, createdAt: '2026-11-23T07:00:00.000Z' },
};
export const suspendSystem: Example = { summary: 'Suspension with its reason (kept in the audit log)', value: { reason: 'Lộ khoá API, chờ cấp lại' } };
export const systemSuspended: Example = { summary: 'Suspended: refused on every gateway instance within seconds', value: { ...system, status: 'suspended' } };
export const systemActivated: Example = { summary: 'Active again', value: system };
export const keyIssued: Example = { summary: 'A new key, shown once', value: { ...apiKey, apiKey: 'lt_Q2hhbmdlTWVJZllvdUNhbkRvTm90VXNl' } };
export const keyRevoked: Example = { summary: 'Revoked: refused within seconds', value: { ...apiKey, revokedAt: '2026-11-23T07:30:00.000Z' } };
export const addGrant: Example = { summary: 'Let the system read dossiers of its province', value: { permission: Permission.ReadDossier, scope: 'H56' } };
export const grantAdded: Example = addGrant;
export const clientSecretIssued: Example = {
  summary: 'A new client secret, shown once',
  value: { id: '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f', systemId: THANH_HOA, clientSecret: 'cs_4fJ0m1xQ8p2VbT6yZk3RnW9sLd7HgE5c', createdAt: '2026-11-23T07:00:00.000Z' },
};
export const registerCertificate: Example = { summary: "The system's client certificate, issued by the client CA", value: { certificate: CERTIFICATE_PEM } };
export const certificateRegistered: Example = { summary: 'Registered: the certificate now stands for the system over mutual TLS', value: certificate };
export const certificateRevoked: Example = { summary: 'Revoked: refused within seconds', value: { ...certificate, revokedAt: '2026-11-23T14:00:00.000Z' } };
export const signingKeyRotated: Example = { summary: 'The new active key', value: { kid: 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs', activatedAt: '2026-11-23T07:00:00.000Z' } };
export const grantServiceCall: Example = {
  summary: "Let the system look dossiers up in Thanh Hoá's one-stop system",
  value: { permission: Permission.CallService, scope: `${THANH_HOA}/${DOSSIER_LOOKUP_SERVICE}` },
};
export const lookupDossier: Example = { summary: 'The dossier code in the body (or in the path after the service instead)', value: { MaHoSo: CODE } };
export const legacyDossierFound: Example = {
  summary: "Thanh Hoá's one-stop system holds the dossier: its answer, unchanged",
  value: {
    error_code: 0,
    result: { MaHoSo: CODE, MaTTHC: submitted.procedureCode, TenTTHC: submitted.procedureName, ChuHoSo: submitted.applicant.name, NgayNopHoSo: '20261123140000', TrangThaiHoSo: 4 },
  },
};
export const legacyDossierUnknown: Example = { summary: 'The system refuses in its own words (HTTP 200, as the dialect does)', value: { error_code: -1, message: `Không tìm thấy hồ sơ ${CODE}` } };
export const exchangePage: Example = { summary: 'The latest call of Thanh Hoá', value: { items: [exchangeRecordedV1.example], page: 1, pageSize: 20, total: 1 } };

/** MaThamChieu of the examples' payment attempt. */
export const PAYMENT_REFERENCE = 'dvc0000006H5626112300012026112315000001';

const problem = (slug: string, title: string, status: number, detail: string, extensions: Record<string, unknown> = {}) => ({
  type: problemType(slug),
  title,
  status,
  detail,
  ...extensions,
  traceId: TRACE_ID,
});

/** A second dossier of the same agency, for the examples of a batch. */
const NEXT_CODE = CODE.replace(/\d{4}$/, (n) => String(Number(n) + 1).padStart(4, '0'));
export const statusBatch: Example = {
  summary: 'Two dossiers accepted and one of them in processing, gathered by the one-stop software since its last call',
  value: {
    reports: [
      { code: CODE, status: DossierStatus.Accepted, occurredAt: '2026-11-23T08:15:00+07:00' },
      { code: CODE, status: 'processing', note: 'Chuyển phòng chuyên môn thẩm định', occurredAt: '2026-11-23T09:30:00+07:00' },
      { code: NEXT_CODE, status: DossierStatus.Accepted, occurredAt: '2026-11-23T08:20:00+07:00' },
    ],
  },
};
export const statusBatchAnswered: Example = {
  summary: 'Each report judged on its own: two applied, the third refused (the dossier was withdrawn before)',
  value: {
    items: [
      { code: CODE, status: DossierStatus.Accepted, applied: true, outcome: 'applied' },
      { code: CODE, status: DossierStatus.Processing, applied: true, outcome: 'applied' },
      {
        code: NEXT_CODE,
        problem: problem('illegal-transition', 'Illegal status transition', 409, `${NEXT_CODE}: 7 → 2 refused: status 7 (${DOSSIER_STATUS_LABELS[DossierStatus.Withdrawn]}) is final`, {
          from: DossierStatus.Withdrawn,
          to: DossierStatus.Accepted,
          occurredAt: '2026-11-23T01:20:00.000Z',
        }),
      },
    ],
  },
};

/** Problems every guarded route can answer, as the gateway words them. */
export const problems = {
  validation: {
    summary: 'An input rule broken',
    value: problem('invalid-request', 'The request is invalid', 400, 'applicant.idNumber must be 12 digits (CCCD) or 9 digits (CMND)', {
      errors: ['applicant.idNumber must be 12 digits (CCCD) or 9 digits (CMND)'],
    }),
  },
  missingCredentials: { summary: 'No API key and no access token', value: problem('missing-credentials', 'Credentials are required', 401, 'send an API key in the x-api-key header or an access token as Authorization: Bearer') },
  invalidCredentials: { summary: 'Unknown or revoked key or certificate, expired or forged token', value: problem('invalid-credentials', 'The credentials are not valid', 401, 'the access token is not valid (ERR_JWT_EXPIRED)') },
  notGranted: {
    summary: 'Deny by default: no grant covers this call',
    value: problem('not-granted', 'The calling system is not granted this call', 403, `${oneStopSystemOf('H26')} holds no dossier:read grant for province H56`, {
      permission: Permission.ReadDossier,
      scope: 'H56',
    }),
  },
  notGrantedService: {
    summary: "Deny by default: no grant covers this provider's service",
    value: problem('not-granted', 'The calling system is not granted this call', 403, `${oneStopSystemOf('H26')} holds no service:call grant for service ${DOSSIER_LOOKUP_SERVICE} of ${THANH_HOA}`, {
      permission: Permission.CallService,
      scope: `${THANH_HOA}/${DOSSIER_LOOKUP_SERVICE}`,
    }),
  },
  rateLimited: { summary: 'Over the per-system rate', value: problem('rate-limited', 'Too many requests', 429, `${THANH_HOA} is limited to 100 requests per second`, { retryAfterSeconds: 1 }) },
  unsupportedMediaType: { summary: 'A body that is not JSON', value: problem('unsupported-media-type', 'Unsupported media type', 415, 'Send the body as application/json') },
  payloadTooLarge: { summary: 'Over the body size limit', value: problem('payload-too-large', 'The request body is too large', 413, 'the JSON body is limited to 1mb') },
  keyInFlight: {
    summary: 'The first request with this Idempotency-Key is still running',
    value: problem('idempotency-key-in-flight', 'A request with this Idempotency-Key is still being processed', 409, 'the first request with this key has not been answered yet', { retryAfterSeconds: 1 }),
  },
  keyReused: {
    summary: 'The Idempotency-Key was sent before with another body',
    value: problem('idempotency-key-reused', 'The Idempotency-Key was already used for another request', 422, 'the key was first sent with another method, path or body; use a new key for a new request'),
  },
  upstreamUnavailable: {
    summary: 'The providing service could not be reached',
    value: problem('upstream-unavailable', 'The providing service is unavailable', 502, 'intake could not be reached', { errorSide: 'provider', upstream: 'intake' }),
  },
  upstreamTimeout: {
    summary: 'The providing service did not answer in time',
    value: problem('upstream-timeout', 'The providing service did not answer in time', 504, 'intake timed out', { errorSide: 'provider', upstream: 'intake' }),
  },
  dossierNotFound: { summary: 'No such dossier', value: problem('dossier-not-found', 'Dossier not found', 404, `no dossier ${CODE}`) },
  unknownStatus: { summary: 'A numeric status outside 1–10', value: problem('unknown-status', 'Unknown dossier status', 422, '"12" is no dossier status (1–10 or a status word)') },
  unknownProcedure: { summary: 'The procedure is not in the catalogue', value: problem('unknown-procedure', 'Unknown procedure', 422, 'no procedure 1.999999') },
  illegalTransition: {
    summary: 'A status no legal path leads to from where the dossier was at the reported time',
    value: problem('illegal-transition', 'Illegal status transition', 409, `${CODE}: 10 → 4 refused: status 10 (${DOSSIER_STATUS_LABELS[DossierStatus.ResultReturned]}) is final`, {
      from: DossierStatus.ResultReturned,
      to: DossierStatus.Processing,
      occurredAt: '2026-11-30T02:00:00.000Z',
    }),
  },
  procedureNotFound: { summary: 'No such procedure', value: problem('procedure-not-found', 'Procedure not found', 404, 'no procedure 1.999999') },
  unknownSystem: { summary: 'No such system', value: problem('unknown-system', 'No such system', 404, 'no system VN/GOV/000.00.00.H99/MOTCUA') },
  systemExists: { summary: 'Already registered', value: problem('system-exists', 'The system is already registered', 409, 'VN/GOV/000.00.06.H56/MOTCUA-XA is already registered') },
  statusUnchanged: { summary: 'Already in that status', value: problem('status-unchanged', 'The system already has that status', 409, `${THANH_HOA} is already suspended`) },
  unknownKey: { summary: 'No such key', value: problem('unknown-key', 'No such API key for this system', 404, `${THANH_HOA} has no key ${apiKey.id}`) },
  grantExists: { summary: 'Already granted', value: problem('grant-exists', 'The system already holds this grant', 409, `${THANH_HOA} already holds dossier:read on H56`) },
  scopeMismatch: {
    summary: 'A scope of the wrong kind for the permission',
    value: problem('scope-mismatch', 'The scope does not fit the permission', 422, 'service:call is scoped <provider system id>/<service code> or <provider system id>/*, not H56'),
  },
  unknownProvider: {
    summary: 'A service scope naming a provider that is not registered',
    value: problem('unknown-provider', 'The scope names a provider that is not registered', 422, 'VN/GOV/000.00.00.H56/KHONG-CO is not a registered system'),
  },
  unknownGrant: { summary: 'Not granted', value: problem('unknown-grant', 'The system holds no such grant', 404, `${THANH_HOA} holds no dossier:read on H26`) },
  clientSecretNotFound: { summary: 'No such client secret', value: problem('client-secret-not-found', 'No such client secret', 404, 'no client secret 7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f') },
  invalidCertificate: {
    summary: 'Not a readable certificate, or a CA certificate',
    value: problem('invalid-certificate', 'The certificate is not acceptable', 422, 'C=VN, O=Lienthong, CN=Lienthong client CA is a CA certificate: register the certificate of the system itself'),
  },
  certificateExpired: { summary: 'An expired certificate', value: problem('certificate-expired', 'The certificate has expired', 422, 'the certificate expired at 2026-11-22T12:21:08.000Z') },
  certificateExists: {
    summary: 'Registered before',
    value: problem('certificate-exists', 'The certificate is already registered', 409, `certificate ${certificate.fingerprint} is registered already (a revoked one cannot come back)`),
  },
  unknownCertificate: { summary: 'No such certificate', value: problem('unknown-certificate', 'No such certificate for this system', 404, `${THANH_HOA} has no certificate ${certificate.fingerprint}`) },
  certificateRevoked: { summary: 'Revoked before', value: problem('certificate-already-revoked', 'The certificate is already revoked', 409, `certificate ${certificate.fingerprint} was revoked at 2026-11-23T14:00:00.000Z`) },
  unknownLegacySystem: {
    summary: 'No such legacy system is connected',
    value: problem('unknown-legacy-system', 'No such legacy system is connected', 404, 'no enabled legacy system VN/GOV/000.00.00.H99/MOTCUA is connected', {
      system: 'VN/GOV/000.00.00.H99/MOTCUA',
      service: DOSSIER_LOOKUP_SERVICE,
    }),
  },
  unknownService: {
    summary: 'The legacy system offers no such service',
    value: problem('unknown-service', 'The legacy system offers no such service', 404, `${THANH_HOA} offers no service dong-bo-ho-so (it offers ${DOSSIER_LOOKUP_SERVICE})`, {
      system: THANH_HOA,
      service: 'dong-bo-ho-so',
    }),
  },
  invalidServiceCall: {
    summary: 'The call does not fit the service',
    value: problem('invalid-service-call', 'The call does not fit the service', 400, `${DOSSIER_LOOKUP_SERVICE} takes one dossier code (up to 100 characters): …/${DOSSIER_LOOKUP_SERVICE}/{MaHoSo}, or {"MaHoSo": …} as the body`, { system: THANH_HOA, service: DOSSIER_LOOKUP_SERVICE }),
  },
  legacyUnavailable: {
    summary: 'The legacy system could not be reached or gave no usable answer',
    value: problem('legacy-system-unavailable', 'The legacy system could not answer', 502, `${THANH_HOA} could not be reached or gave no usable answer to ${DOSSIER_LOOKUP_SERVICE}`, {
      ...{ system: THANH_HOA, service: DOSSIER_LOOKUP_SERVICE },
      errorSide: 'provider',
    }),
  },
  legacyCircuitOpen: {
    summary: 'The legacy system failed repeatedly: its calls are refused for a while',
    value: problem('legacy-system-circuit-open', 'The legacy system is failing: calls to it are paused', 503, `${THANH_HOA} failed repeatedly: its services are refused for 27 s more`, {
      ...{ system: THANH_HOA, service: DOSSIER_LOOKUP_SERVICE },
      errorSide: 'provider',
      retryAfterSeconds: 27,
    }),
  },
  legacyTimeout: {
    summary: 'The legacy system did not answer within its timeout',
    value: problem('legacy-system-timeout', 'The legacy system did not answer in time', 504, `${THANH_HOA} did not answer ${DOSSIER_LOOKUP_SERVICE} within 5000 ms`, {
      ...{ system: THANH_HOA, service: DOSSIER_LOOKUP_SERVICE },
      errorSide: 'provider',
    }),
  },
  paymentNotFound: { summary: 'No such fee of this dossier', value: problem('payment-not-found', 'Payment request not found', 404, `dossier ${CODE} was asked no payment 9a7c3f2e-1b4d-4e8a-9c6f-5d2e1a0b3c4d`) },
  paymentProviderUnknown: { summary: 'No provider has this code', value: problem('payment-provider-unknown', 'No such payment provider', 422, 'no payment provider has the code XYZ', { provider: 'XYZ' }) },
  paymentAlreadyPaid: { summary: 'The fee is paid', value: problem('payment-already-paid', 'The fee is paid already', 409, `payment 9a7c3f2e-1b4d-4e8a-9c6f-5d2e1a0b3c4d of ${CODE} is paid`) },
  paymentNothingToPay: { summary: 'No online fee', value: problem('payment-nothing-to-pay', 'The fee is nothing to pay online', 409, `payment 9a7c3f2e-1b4d-4e8a-9c6f-5d2e1a0b3c4d of ${CODE} has no online fee`) },
  paymentProviderRefused: {
    summary: 'The provider said no to the request to pay',
    value: problem('payment-provider-refused', 'The payment provider refused the payment', 502, `VCB refused ${PAYMENT_REFERENCE}: 99 Giao dịch bị từ chối`, { reference: PAYMENT_REFERENCE, provider: 'VCB' }),
  },
  paymentProviderUnavailable: {
    summary: 'The provider did not answer the request to pay',
    value: problem('payment-provider-unavailable', 'The payment provider did not answer', 504, `VCB did not answer: no answer within 5000 ms; the attempt ${PAYMENT_REFERENCE} is settled by the provider's word or expires`, {
      reference: PAYMENT_REFERENCE,
      retryAfterSeconds: 5,
    }),
  },
  paymentNotPaid: { summary: 'The fee is not paid', value: problem('payment-not-paid', 'The fee is not paid: there is no receipt', 404, `payment 9a7c3f2e-1b4d-4e8a-9c6f-5d2e1a0b3c4d of ${CODE} is not paid`) },
  paymentReceiptNotReady: {
    summary: 'Paid, the receipt not come yet',
    value: problem('payment-receipt-not-ready', 'The receipt has not come from the provider yet', 404, `the receipt of ${PAYMENT_REFERENCE} has not come from its provider yet`, { retryAfterSeconds: 30 }),
  },
  templateInvalid: {
    summary: 'A template that cannot be used',
    value: problem('template-invalid', 'The template cannot be used', 422, 'an SMS is plain ASCII: no diacritics, no other characters', { errors: ['an SMS is plain ASCII: no diacritics, no other characters'] }),
  },
  unknownMessage: { summary: 'No SMS has this id', value: problem('unknown-message', 'No SMS has this message id', 404, 'no SMS 0b8e4c8e-2f6a-4c0e-9d59-2f4f0c1d9a11') },
  paymentAttemptNotFound: { summary: 'No such attempt', value: problem('payment-attempt-not-found', 'No such payment attempt', 404, 'no payment attempt 3c1e9d4a-6b2f-4f7e-8a1d-0e5b7c9d2f31') },
  paymentRefundRefused: {
    summary: 'More than was paid, or an attempt not paid',
    value: problem('payment-refund-refused', 'The refund is not possible', 409, 'refund refused for a payment partially-refunded: 200000 đồng is not between 1 and the 100000 đồng not yet refunded', {
      paymentStatus: 'partially-refunded',
      refundedAmount: 50000,
    }),
  },
  reconciliationRunning: { summary: 'The day is being reconciled', value: problem('reconciliation-running', 'The day is being reconciled', 409, 'VCB on 2026-11-23 is being reconciled', { retryAfterSeconds: 10 }) },
  reconciliationNotFound: { summary: 'No such reconciliation', value: problem('reconciliation-not-found', 'No such reconciliation', 404, 'no reconciliation 7d2f0c4e-5a1b-4c3d-9e8f-1a2b3c4d5e6f') },
  paymentCallerNotAProvider: { summary: 'A callback from a system that is no provider', value: problem('payment-caller-not-a-provider', 'The calling system is no payment provider', 403, `${THANH_HOA} is not a payment provider of the portal`) },
  paymentReportForged: {
    summary: "A callback whose checksum is not the provider's",
    value: problem('payment-report-forged', 'The report is not signed by the provider', 422, `the signature of the report on ${PAYMENT_REFERENCE} is not the provider's`, { reason: 'forged', reference: PAYMENT_REFERENCE }),
  },
  paymentReportUnknownReference: {
    summary: 'A callback on no attempt of this provider',
    value: problem('payment-report-unknown-reference', 'No payment attempt of the provider has this reference', 404, 'no payment attempt has reference dvc0000', { reason: 'unknown-reference', reference: 'dvc0000' }),
  },
  paymentReportMismatch: {
    summary: 'A callback for another amount, currency or partner',
    value: problem('payment-report-mismatch', 'The report does not match the payment attempt', 422, `${PAYMENT_REFERENCE} is for 150000 đồng, the report says 15000`, { reason: 'amount-mismatch', reference: PAYMENT_REFERENCE }),
  },
  paymentReportConflicts: {
    summary: 'A callback contradicting the outcome known',
    value: problem('payment-report-conflicts', 'The report contradicts the outcome already known', 409, `${PAYMENT_REFERENCE} is succeeded; a report says not paid (transaction GD123457)`, {
      reason: 'conflicts-with-outcome',
      reference: PAYMENT_REFERENCE,
    }),
  },
  invalidTimeRange: { summary: 'from is after to', value: problem('invalid-time-range', 'The time range is invalid', 400, 'from must be before to') },
} satisfies Record<string, Example>;
