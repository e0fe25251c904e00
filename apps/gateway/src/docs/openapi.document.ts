import { DOSSIER_LOOKUP_SERVICE, SYSTEM_KINDS } from '@lienthong/domain-registry';
import { TOKEN_PATH } from '../oauth/token.controller';
import { CERTIFICATE_FINGERPRINT } from '../registry/operator-registry.dto';
import { SYSTEM_ID_PARTS } from '../registry/operator-registry.dto';
import { Permission } from '../registry/permissions';
import { COMPAT_PATHS, COMPAT_SCHEMAS, COMPAT_TAG } from './openapi.compat';
import { NOTIFICATION_PATHS, NOTIFICATION_SCHEMAS, NOTIFICATION_TAG } from './openapi.notifications';
import { PAYMENT_PATHS, PAYMENT_SCHEMAS, PAYMENT_TAG, RECONCILIATION_TAG } from './openapi.payments';
import * as ex from './openapi.examples';
import { body, GuardedOperation, guarded, header, json, OpenApiDocument, Operation, Parameter, param, problemResponses } from './openapi.operations';
import { JsonSchema, ref, SCHEMAS, SCOPE_PATTERN, SERVICE_CODE_PATTERN, SYSTEM_ID_PATTERN } from './openapi.schemas';

/** The version of this document; the paths carry the major version (/v1). */
const API_VERSION = '1.0.0';
const DOSSIERS = 'Dossiers';
const PROCEDURES = 'Procedures';
const OAUTH = 'OAuth2';
const REGISTRY = 'Operators: registry';
const EXCHANGES = 'Operators: exchanges';
const LEGACY = 'Legacy services';

/** A read about one dossier, by its code. */
const readDossier = (op: Pick<GuardedOperation, 'operationId' | 'summary' | 'description' | 'tag' | 'permission' | 'answers'>): Operation =>
  guarded('get', { ...op, parameters: [param('DossierCode')], problems: ['dossierNotFound'], proxied: true });

/** A read of one procedure, by any form of its code. */
const readProcedure = (op: Pick<GuardedOperation, 'operationId' | 'summary' | 'description' | 'parameters' | 'answers'>): Operation =>
  guarded('get', { ...op, tag: PROCEDURES, permission: Permission.ReadProcedure, parameters: [param('ProcedureCode'), ...(op.parameters ?? [])], problems: ['procedureNotFound'], proxied: true });

const query = (name: string, schema: JsonSchema, description?: string): Parameter => ({ name, in: 'query', schema, ...(description ? { description } : {}) });
const PAGE = [param('Page'), param('PageSize')];
const dateTimeWithZone = { type: 'string', format: 'date-time' };

/** A call of a provider's service through the connector, with or without the path after the service. */
function legacyServiceCall(method: 'get' | 'post', withPath: boolean): Operation {
  return guarded(method, {
    operationId: `${method}LegacyService${withPath ? 'WithPath' : ''}`,
    summary: `Call a service of a legacy system (${method.toUpperCase()}${withPath ? ', with a path after the service' : ''})`,
    description:
      "X-Road's REST form: the provider is named by its four id parts. The grant must cover the provider's service (`<system id>/<service>`, or `<system id>/*` " +
      "for all its services). The connector calls the system within the system's timeout, through its circuit breaker, and the system's answer comes back unchanged. " +
      `\`${DOSSIER_LOOKUP_SERVICE}\` of a one-stop system looks a dossier up by its code: \`…/${DOSSIER_LOOKUP_SERVICE}/{code}\`, or a POST of \`{"MaHoSo": code}\` to \`…/${DOSSIER_LOOKUP_SERVICE}\`.`,
    tag: LEGACY,
    permission: Permission.CallService,
    parameters: [param('Instance'), param('MemberClass'), param('MemberCode'), param('Subsystem'), param('Service'), ...(withPath ? [param('ServicePath')] : [])],
    ...(method === 'post' ? { requestBody: { required: false, content: json('LegacyServiceCall', { lookup: ex.lookupDossier }) } } : {}),
    answers: { '200': { description: "The legacy system's answer, unchanged", schema: 'LegacyAnswer', examples: { found: ex.legacyDossierFound, refused: ex.legacyDossierUnknown } } },
    problems: ['notGrantedService', 'unknownLegacySystem', 'unknownService', 'invalidServiceCall', 'legacyUnavailable', 'legacyCircuitOpen', 'legacyTimeout'],
    proxied: true,
  });
}
const LEGACY_SERVICE = '/v1/systems/{instance}/{memberClass}/{memberCode}/{subsystem}/services/{service}';

const paths: OpenApiDocument['paths'] = {
  '/v1/dossiers': {
    post: guarded('post', {
      operationId: 'submitDossier',
      summary: 'Submit a dossier',
      description: 'The grant must cover the province of `agencyCode`. Submitting the same `partnerReference` again answers the earlier dossier with 200.',
      tag: DOSSIERS,
      permission: Permission.SubmitDossier,
      requestBody: body('SubmitDossier', ex.submitDossier),
      answers: {
        '201': { description: 'Submitted', schema: 'Dossier', examples: { created: ex.dossierCreated }, headers: { Location: header('Location') } },
        '200': { description: 'Submitted before with this partner reference', schema: 'Dossier', examples: { seenBefore: ex.dossierSeenBefore } },
      },
      problems: ['unknownProcedure'],
      proxied: true,
    }),
  },
  '/v1/dossiers/{code}': {
    get: readDossier({
      operationId: 'getDossier',
      summary: 'Read a dossier with its timeline',
      description: "The grant must cover the province in the dossier's code.",
      tag: DOSSIERS,
      permission: Permission.ReadDossier,
      answers: { '200': { description: 'The dossier; the applicant id number is masked', schema: 'DossierWithTimeline', examples: { accepted: ex.dossierWithTimeline } } },
    }),
  },
  '/v1/dossiers/{code}/status': {
    post: guarded('post', {
      operationId: 'updateDossierStatus',
      summary: 'Report a new status of a dossier',
      description:
        "The grant must cover the province in the dossier's code. Every report that a legal path leads to is kept, and the status is folded from all of them in the order they happened, so duplicates and reports overtaking each other end where in-order delivery ends.",
      tag: DOSSIERS,
      permission: Permission.UpdateDossierStatus,
      parameters: [param('DossierCode')],
      requestBody: body('UpdateDossierStatus', ex.updateStatus),
      answers: { '200': { description: 'The dossier after the report', schema: 'DossierStatusUpdate', examples: { accepted: ex.statusUpdated } } },
      problems: ['dossierNotFound', 'illegalTransition', 'unknownStatus'],
      proxied: true,
    }),
  },
  '/v1/dossier-status-batches': {
    post: guarded('post', {
      operationId: 'reportDossierStatuses',
      summary: 'Report statuses of many dossiers in one call',
      description:
        'Up to 500 reports, of dossiers of one province the grant covers, judged in the order given in one transaction exactly as the single route judges each (several of one dossier in their order). A report refused (unknown dossier or status, illegal transition) changes nothing and answers its problem in its item; the others are kept. A malformed report refuses the whole batch (400).',
      tag: DOSSIERS,
      permission: Permission.UpdateDossierStatus,
      requestBody: body('DossierStatusBatch', ex.statusBatch),
      answers: { '200': { description: 'What became of each report, in their order', schema: 'DossierStatusBatchAnswer', examples: { judged: ex.statusBatchAnswered } } },
      proxied: true,
    }),
  },
  '/v1/dossiers/{code}/tracking': {
    get: readDossier({
      operationId: 'trackDossier',
      summary: 'Where a dossier stands, as a citizen follows it by its code from any province',
      description: "Nothing personal: the applicant's name masked, the status, the due date and each change of status. The grant must cover the province in the dossier's code; the demo seeds it everywhere for the portal, every one-stop system and every LGSP.",
      tag: DOSSIERS,
      permission: Permission.TrackDossier,
      answers: { '200': { description: 'Where the dossier stands', schema: 'DossierTracking', examples: { accepted: ex.dossierTracking } } },
    }),
  },
  '/v1/operator/dossiers/{code}/journey': {
    get: readDossier({
      operationId: 'getDossierJourney',
      summary: "A dossier's journey across the backbone, for operators",
      description:
        'Everything every system did with the dossier, in the order it happened: its submission, each delivery to a provincial system (or giving up), each status report, step and sub-state, each notification sent, each payment requested or failed (a fee paid is a status report of payment); the applicant left out. The calls about it are at `/v1/operator/exchanges?subject={code}`.',
      tag: EXCHANGES,
      permission: Permission.ReadExchanges,
      answers: { '200': { description: 'The journey', schema: 'DossierJourney', examples: { delivered: ex.dossierJourney } } },
    }),
  },
  '/v1/dossiers/{code}/steps': {
    post: guarded('post', {
      operationId: 'recordDossierSteps',
      summary: 'Record processing steps of a dossier (CapNhatTienDoHoSoMC)',
      description:
        "Up to 50 steps a call; a step sent again (same handler, instant and content) is counted as a duplicate. A step's status is judged as a status report at the step's instant; a refused one refuses the whole call.",
      tag: DOSSIERS,
      permission: Permission.UpdateDossierStatus,
      parameters: [param('DossierCode')],
      requestBody: body('RecordSteps', ex.recordSteps),
      answers: { '200': { description: 'The dossier after the steps', schema: 'DossierSteps', examples: { recorded: ex.stepsRecorded } } },
      problems: ['dossierNotFound', 'illegalTransition', 'unknownStatus'],
      proxied: true,
    }),
  },
  '/v1/procedures': {
    get: guarded('get', {
      operationId: 'searchProcedures',
      summary: 'Search the national catalogue of administrative procedures',
      tag: PROCEDURES,
      permission: Permission.ReadProcedure,
      parameters: [
        query('q', { type: 'string', maxLength: 200 }, 'Words of the name, with or without diacritics ("dang ky khai sinh" finds "Đăng ký khai sinh"), or the code in any form'),
        query('level', { type: 'string', pattern: '^[A-Za-z_]{1,40}$' }, 'A level a procedure is handled at, e.g. PROVINCE or WARD (any case)'),
        query('agency', { type: 'string', maxLength: 200 }, "An agency's code (G02, UBNDCT) or words of its name, with or without diacritics: promulgating, competent or implementing"),
        query('field', { type: 'string', maxLength: 200 }, "A field's code (G02-CT19) or words of its name (lĩnh vực)"),
        ...PAGE,
      ],
      answers: { '200': { description: 'One page of procedures', schema: 'ProcedurePage', examples: { found: ex.procedurePage } } },
      proxied: true,
    }),
  },
  '/v1/procedures/{code}': {
    get: readProcedure({
      operationId: 'getProcedure',
      summary: 'Read a procedure',
      description: 'Every case with its processing time and papers, every way of submitting with its time and fees, the papers per situation, results, agencies, legal bases.',
      answers: { '200': { description: 'The procedure in its canonical form', schema: 'Procedure', examples: { found: ex.procedure } } },
    }),
  },
  '/v1/procedures/{code}/record': {
    get: readProcedure({
      operationId: 'getProcedureRecord',
      summary: 'Read the national record of a procedure as last imported',
      description: 'The record in the national TTHC format, whole: fields the canonical form does not read are kept too.',
      answers: { '200': { description: 'The national record', schema: 'NationalProcedureRecord', examples: { found: ex.nationalRecord } } },
    }),
  },
  '/v1/procedures/{code}/versions': {
    get: readProcedure({
      operationId: 'listProcedureVersions',
      summary: 'List the published versions of a procedure, newest first',
      answers: { '200': { description: 'The versions', schema: 'ProcedureVersionList', examples: { found: ex.procedureVersions } } },
    }),
  },
  '/v1/procedures/{code}/versions/{version}': {
    get: readProcedure({
      operationId: 'getProcedureVersion',
      summary: 'Read one published version of a procedure, with the national record it came from',
      parameters: [param('ProcedureVersion')],
      answers: { '200': { description: 'The version', schema: 'ProcedureVersion', examples: { found: ex.procedureVersion } } },
    }),
  },
  [LEGACY_SERVICE]: { get: legacyServiceCall('get', false), post: legacyServiceCall('post', false) },
  [`${LEGACY_SERVICE}/{path}`]: { get: legacyServiceCall('get', true), post: legacyServiceCall('post', true) },
  [TOKEN_PATH]: {
    post: {
      operationId: 'issueToken',
      summary: 'Get an access token (OAuth 2.0 client credentials, RFC 6749 §4.4)',
      description: 'Authenticate with HTTP Basic (the form-encoded system id and client secret) or with client_id and client_secret in the body, never both. Errors are in the RFC 6749 §5.2 form.',
      tags: [OAUTH],
      security: [{ clientSecretBasic: [] }, {}],
      requestBody: {
        required: true,
        content: {
          'application/x-www-form-urlencoded': { schema: ref('TokenRequest'), examples: { body: ex.tokenRequest } },
          'application/json': { schema: ref('TokenRequest'), examples: { body: ex.tokenRequest } },
        },
      },
      responses: {
        '200': { description: 'The token', headers: { 'Cache-Control': header('Cache-Control') }, content: json('TokenResponse', { issued: ex.tokenResponse }) },
        '400': { description: 'Malformed request or another grant type', content: json('OAuthError', { unsupportedGrant: ex.unsupportedGrant }) },
        '401': { description: 'The client could not be authenticated', headers: { 'WWW-Authenticate': header('WWW-Authenticate') }, content: json('OAuthError', { invalidClient: ex.invalidClient }) },
        ...problemResponses(['unsupportedMediaType']),
      },
    },
  },
  '/.well-known/jwks.json': {
    get: {
      operationId: 'getJwks',
      summary: 'The public keys that verify access tokens (RFC 7517)',
      description: 'A rotated key stays published until the tokens it signed have expired.',
      tags: [OAUTH],
      security: [],
      responses: { '200': { description: 'The key set', headers: { 'Cache-Control': header('Cache-Control') }, content: json('JsonWebKeySet', { keys: ex.jwks }) } },
    },
  },
  '/v1/operator/systems': {
    get: guarded('get', {
      operationId: 'listSystems',
      summary: 'List the registered systems',
      tag: REGISTRY,
      permission: Permission.ManageRegistry,
      parameters: [
        query('kind', { enum: [...SYSTEM_KINDS] }),
        query('agency', { type: 'string', pattern: '^[0-9A-Z.]{1,40}$' }, 'An agency code such as H56 or G02'),
        query('status', { enum: ['active', 'suspended'] }),
        ...PAGE,
      ],
      answers: { '200': { description: 'One page of systems', schema: 'SystemPage', examples: { found: ex.systemPage } } },
    }),
    post: guarded('post', {
      operationId: 'addSystem',
      summary: 'Register a system',
      description: 'A GOV member code is an agency unit code of a registered agency; a COM member code is a 10- or 13-digit tax code.',
      tag: REGISTRY,
      permission: Permission.ManageRegistry,
      requestBody: body('AddSystem', ex.addSystem),
      answers: { '201': { description: 'Registered', schema: 'System', examples: { added: ex.systemAdded } } },
      problems: ['systemExists'],
    }),
  },
  '/v1/operator/systems/{id}': {
    get: guarded('get', {
      operationId: 'getSystem',
      summary: 'Read a system with its API keys, grants and client certificates',
      tag: REGISTRY,
      permission: Permission.ManageRegistry,
      parameters: [param('SystemId')],
      answers: { '200': { description: 'The system', schema: 'SystemDetails', examples: { found: ex.systemDetails } } },
      problems: ['unknownSystem'],
    }),
  },
  '/v1/operator/systems/{id}/suspend': {
    post: guarded('post', {
      operationId: 'suspendSystem',
      summary: 'Suspend a system',
      description: 'Its calls are refused on every gateway instance within seconds. An operator cannot suspend the system it calls from.',
      tag: REGISTRY,
      permission: Permission.ManageRegistry,
      parameters: [param('SystemId')],
      requestBody: { required: false, content: json('SuspendSystem', { reason: ex.suspendSystem }) },
      answers: { '200': { description: 'Suspended', schema: 'System', examples: { suspended: ex.systemSuspended } } },
      problems: ['unknownSystem', 'statusUnchanged'],
    }),
  },
  '/v1/operator/systems/{id}/activate': {
    post: guarded('post', {
      operationId: 'activateSystem',
      summary: 'Re-activate a suspended system',
      tag: REGISTRY,
      permission: Permission.ManageRegistry,
      parameters: [param('SystemId')],
      answers: { '200': { description: 'Active', schema: 'System', examples: { activated: ex.systemActivated } } },
      problems: ['unknownSystem', 'statusUnchanged'],
    }),
  },
  '/v1/operator/systems/{id}/keys': {
    post: guarded('post', {
      operationId: 'issueApiKey',
      summary: 'Issue an API key',
      tag: REGISTRY,
      permission: Permission.ManageRegistry,
      parameters: [param('SystemId')],
      answers: { '201': { description: 'The key, shown this once', schema: 'IssuedApiKey', examples: { issued: ex.keyIssued } } },
      problems: ['unknownSystem'],
    }),
  },
  '/v1/operator/systems/{id}/keys/{keyId}': {
    delete: guarded('delete', {
      operationId: 'revokeApiKey',
      summary: 'Revoke an API key',
      description: 'Refused on every gateway instance within seconds.',
      tag: REGISTRY,
      permission: Permission.ManageRegistry,
      parameters: [param('SystemId'), { name: 'keyId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
      answers: { '200': { description: 'Revoked', schema: 'ApiKey', examples: { revoked: ex.keyRevoked } } },
      problems: ['unknownKey'],
    }),
  },
  '/v1/operator/systems/{id}/certificates': {
    post: guarded('post', {
      operationId: 'registerClientCertificate',
      summary: 'Register a client certificate for mutual TLS',
      description:
        'The certificate then stands for the system on a TLS connection to a gateway that asks for client certificates, provided it chains to the client CA. ' +
        'A CA certificate, an expired one or one registered before (even revoked) is refused.',
      tag: REGISTRY,
      permission: Permission.ManageRegistry,
      parameters: [param('SystemId')],
      requestBody: body('RegisterClientCertificate', ex.registerCertificate),
      answers: { '201': { description: 'Registered', schema: 'ClientCertificate', examples: { registered: ex.certificateRegistered } } },
      problems: ['unknownSystem', 'invalidCertificate', 'certificateExpired', 'certificateExists'],
    }),
  },
  '/v1/operator/systems/{id}/certificates/{fingerprint}': {
    delete: guarded('delete', {
      operationId: 'revokeClientCertificate',
      summary: 'Revoke a client certificate',
      description: 'Refused on every gateway instance within seconds, on connections already open too.',
      tag: REGISTRY,
      permission: Permission.ManageRegistry,
      parameters: [
        param('SystemId'),
        { name: 'fingerprint', in: 'path', required: true, description: 'SHA-256 of the DER certificate, lowercase hex', schema: { type: 'string', pattern: CERTIFICATE_FINGERPRINT.source } },
      ],
      answers: { '200': { description: 'Revoked', schema: 'ClientCertificate', examples: { revoked: ex.certificateRevoked } } },
      problems: ['unknownCertificate', 'certificateRevoked'],
    }),
  },
  '/v1/operator/systems/{id}/grants': {
    post: guarded('post', {
      operationId: 'addGrant',
      summary: "Grant a permission, everywhere, in one province, or on a provider's services",
      description: `\`${Permission.CallService}\` is scoped to a provider's service (\`<system id>/<service code>\`) or all its services (\`<system id>/*\`); every other permission to a province.`,
      tag: REGISTRY,
      permission: Permission.ManageRegistry,
      parameters: [param('SystemId')],
      requestBody: { required: true, content: json('AddGrant', { AddGrant: ex.addGrant, serviceCall: ex.grantServiceCall }) },
      answers: { '201': { description: 'Granted', schema: 'Grant', examples: { granted: ex.grantAdded } } },
      problems: ['unknownSystem', 'grantExists', 'scopeMismatch', 'unknownProvider'],
    }),
  },
  '/v1/operator/systems/{id}/grants/{permission}/{scope}': {
    delete: guarded('delete', {
      operationId: 'removeGrant',
      summary: 'Withdraw a grant',
      tag: REGISTRY,
      permission: Permission.ManageRegistry,
      parameters: [
        param('SystemId'),
        { name: 'permission', in: 'path', required: true, schema: { enum: Object.values(Permission) } },
        { name: 'scope', in: 'path', required: true, description: "A province code, '*' (URL-encoded %2A) for everywhere, or a provider's service (URL-encoded as one segment)", schema: { type: 'string', pattern: SCOPE_PATTERN } },
      ],
      answers: { '204': { description: 'Withdrawn' } },
      problems: ['unknownSystem', 'unknownGrant'],
    }),
  },
  '/v1/operator/systems/{id}/client-secrets': {
    post: guarded('post', {
      operationId: 'issueClientSecret',
      summary: `Issue a client secret for ${TOKEN_PATH}`,
      tag: REGISTRY,
      permission: Permission.ManageRegistry,
      parameters: [param('SystemId')],
      answers: { '201': { description: 'The secret, shown this once', schema: 'IssuedClientSecret', examples: { issued: ex.clientSecretIssued } } },
      problems: ['unknownSystem'],
    }),
  },
  '/v1/operator/client-secrets/{secretId}': {
    delete: guarded('delete', {
      operationId: 'revokeClientSecret',
      summary: 'Revoke a client secret',
      description: 'Tokens issued with it live on until they expire; suspend the system to cut them off at once.',
      tag: REGISTRY,
      permission: Permission.ManageRegistry,
      parameters: [{ name: 'secretId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
      answers: { '204': { description: 'Revoked' } },
      problems: ['clientSecretNotFound'],
    }),
  },
  '/v1/operator/signing-keys/rotate': {
    post: guarded('post', {
      operationId: 'rotateSigningKey',
      summary: 'Rotate the token signing key',
      description: 'The previous key stays published in the JWKS until the tokens it signed have expired: no downtime.',
      tag: REGISTRY,
      permission: Permission.ManageRegistry,
      answers: { '200': { description: 'The new active key', schema: 'RotatedSigningKey', examples: { rotated: ex.signingKeyRotated } } },
    }),
  },
  '/v1/operator/exchanges': {
    get: guarded('get', {
      operationId: 'listExchanges',
      summary: 'Query the exchange records',
      description: 'Newest first: one record per call through the gateway, with who is to blame for a failure.',
      tag: EXCHANGES,
      permission: Permission.ReadExchanges,
      parameters: [
        query('system', { type: 'string', maxLength: 200 }, 'The client system'),
        query('from', dateTimeWithZone, 'Calls started at or after this date-time, with a zone'),
        query('to', dateTimeWithZone, 'Calls started before this date-time, with a zone'),
        query('status', { type: 'integer', minimum: 100, maximum: 599 }, 'The HTTP status answered'),
        query('errorSide', (SCHEMAS.ExchangeRecord.properties as Record<string, JsonSchema>).errorSide),
        query('service', { type: 'string', maxLength: 200 }, 'A service name, e.g. dossier.submit'),
        query('subject', { type: 'string', maxLength: 200 }, 'What the call was about: a dossier code (a submission is about the dossier it created)'),
        ...PAGE,
      ],
      answers: { '200': { description: 'One page of exchange records', schema: 'ExchangeRecordPage', examples: { found: ex.exchangePage } } },
      problems: ['invalidTimeRange'],
    }),
  },
};

const pathParam = (name: string, description: string, schema: JsonSchema, example: string | number): Parameter & { example: string | number } => ({
  name,
  in: 'path',
  required: true,
  description,
  schema,
  example,
});

/** The gateway's public API as one OpenAPI 3.1 document: built once, from the same enums and contracts the code uses. */
export function buildOpenApiDocument(): OpenApiDocument {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Lienthong gateway',
      version: API_VERSION,
      description:
        'The one entry point of the national data-interconnection backbone. Every call under /v1 is authenticated (API key, OAuth 2.0 access token or client certificate), ' +
        'allowed only by a grant (deny by default), rate limited per system, recorded as an exchange, and answered with RFC 9457 problem+json when refused ' +
        '(but for the DVCQG compatibility calls, which answer in their dialect).',
    },
    tags: [
      { name: DOSSIERS, description: 'Administrative dossiers, forwarded to the intake service' },
      { name: PROCEDURES, description: 'The national catalogue of procedures, forwarded to the catalogue service' },
      { name: PAYMENT_TAG, description: 'Fees and their payment through the payment platform, banks and intermediaries, forwarded to the payment service' },
      { name: NOTIFICATION_TAG, description: 'What applicants are told by e-mail and SMS, forwarded to the notification service' },
      { name: OAUTH, description: 'Access tokens and the keys that verify them' },
      { name: REGISTRY, description: 'Participants, credentials and grants (operators only)' },
      { name: EXCHANGES, description: 'Evidence of every exchange (operators only)' },
      { name: RECONCILIATION_TAG, description: "Each payment provider's days reconciled against its statement (operators only)" },
      { name: LEGACY, description: "Synchronous calls of legacy systems' services through the connector, X-Road style" },
      { name: COMPAT_TAG, description: "The national portal's DVCQG dialect, for one-stop software that syncs without changing its code, served by intake" },
    ],
    paths: { ...paths, ...PAYMENT_PATHS, ...NOTIFICATION_PATHS, ...COMPAT_PATHS },
    components: {
      schemas: { ...SCHEMAS, ...PAYMENT_SCHEMAS, ...NOTIFICATION_SCHEMAS, ...COMPAT_SCHEMAS },
      securitySchemes: {
        apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key', description: 'An API key issued by an operator' },
        oauth2: { type: 'oauth2', description: 'Client credentials; what a token allows comes from the grants', flows: { clientCredentials: { tokenUrl: TOKEN_PATH, scopes: {} } } },
        bearerToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: `An ES256 access token from ${TOKEN_PATH}` },
        mutualTLS: {
          type: 'mutualTLS',
          description: 'A client certificate registered for the system, on a gateway serving HTTPS with a client CA; used when the request carries no other credential',
        },
        clientSecretBasic: { type: 'http', scheme: 'basic', description: 'The form-encoded system id and client secret (RFC 6749 §2.3.1)' },
      },
      parameters: {
        ProcedureCode: pathParam('code', 'National (1.000358), case (1.000358.01) or local (2.002621.H56) code', { type: 'string', maxLength: 60 }, '1.000358'),
        ProcedureVersion: pathParam('version', 'A version number, from 1', { type: 'integer', minimum: 1 }, 1),
        DossierCode: pathParam('code', 'The national dossier code', { type: 'string', pattern: '^.+-\\d{6}-\\d{4}$', maxLength: 60 }, '000.00.06.H56-261123-0001'),
        SystemId: pathParam('id', 'The system identifier, URL-encoded as one path segment', { type: 'string', pattern: SYSTEM_ID_PATTERN }, 'VN/GOV/000.00.00.H56/MOTCUA'),
        Instance: pathParam('instance', "The provider's X-Road instance", { type: 'string', pattern: `^${SYSTEM_ID_PARTS.instance}$` }, 'VN'),
        MemberClass: pathParam('memberClass', "The provider's member class: GOV for a state body, COM for an enterprise", { type: 'string', pattern: `^${SYSTEM_ID_PARTS.memberClass}$` }, 'GOV'),
        MemberCode: pathParam('memberCode', "The provider's member code: its agency unit code or tax code", { type: 'string', pattern: `^${SYSTEM_ID_PARTS.memberCode}$` }, '000.00.00.H56'),
        Subsystem: pathParam('subsystem', "The provider's subsystem", { type: 'string', pattern: `^${SYSTEM_ID_PARTS.subsystem}$` }, 'MOTCUA'),
        Service: pathParam('service', 'The service code', { type: 'string', pattern: SERVICE_CODE_PATTERN }, DOSSIER_LOOKUP_SERVICE),
        ServicePath: pathParam('path', 'What follows the service, passed to it (may hold several segments); for tra-cuu-ho-so, the dossier code', { type: 'string', minLength: 1 }, '000.00.06.H56-261123-0001'),
        Page: { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100000, default: 1 } },
        PageSize: { name: 'pageSize', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          description: 'A retry with the same key and body replays the stored answer; the same key with another body gets 422; while the first is running, 409.',
          schema: { type: 'string', pattern: '^[\\x20-\\x7e]{1,255}$' },
        },
        ActingUser: {
          name: 'X-Lienthong-User',
          in: 'header',
          description: "The acting user's id, passed on to the providing service",
          schema: { type: 'string', pattern: '^[\\w.@:/-]{1,128}$' },
        },
      },
      headers: {
        'X-Lienthong-Exchange-Id': { description: 'The id of the exchange record of this call: quote it to an operator', schema: { type: 'string', format: 'uuid' } },
        'RateLimit-Limit': { description: 'Requests allowed per second for the calling system', schema: { type: 'integer' } },
        'RateLimit-Remaining': { description: 'Requests left in the current second', schema: { type: 'integer' } },
        'RateLimit-Reset': { description: 'Seconds until the quota is renewed', schema: { type: 'integer' } },
        'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer' } },
        'Idempotent-Replayed': { description: 'true when this is the stored answer of an earlier request with the same Idempotency-Key', schema: { const: 'true' } },
        Location: { description: 'The new resource', schema: { type: 'string' } },
        'Content-Disposition': { description: 'The file name of a document', schema: { type: 'string' } },
        'Cache-Control': { schema: { type: 'string' } },
        'WWW-Authenticate': { description: 'Sent when HTTP Basic authentication failed', schema: { type: 'string' } },
      },
    },
  };
}
