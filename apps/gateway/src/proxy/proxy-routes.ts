import { ownerOfAgency, parseDossierCode } from '@lienthong/domain-dossier';
import type { ProblemDetails } from '@lienthong/platform-http';
import { Permission } from '../registry/permissions';
import type { RouteParams } from './route-matcher';
import { provinceOfAll } from './dossier-scope';
import { DVCQG_COMPAT_ROUTES } from './dvcqg-compat-routes';
import { calledService, connectorPathOf, providerOf, servicePathProblems } from './system-service-path';
import type { Upstream } from './upstream.proxy';

/** What a route's scope is read from: its path, and for a POST its body. */
export interface RoutedCall extends RouteParams {
  body: unknown;
}

/** How a route's clients speak when they predate the backbone: where their credential travels, how a refusal reaches them. */
export interface RouteDialect {
  /** The access token when the body carries it: the call's body is then read before it is authenticated. */
  credentialOf(body: unknown): string | undefined;
  /** The body as the upstream gets it: without the credential. */
  forwarded(body: unknown): unknown;
  /** The answer (HTTP 200) that tells a refusal (4xx) the way the dialect's clients read it. */
  refusal(problem: ProblemDetails): unknown;
}

/** A public route the gateway serves by forwarding the call to the service that owns the data. */
export interface ProxyRoute {
  method: 'GET' | 'POST';
  /** The template, as the OpenAPI document, the authorisation matrix and the exchange records name the route. */
  path: string;
  permission: Permission;
  /** What the grant must cover: the province the data lives in (H56), the provider's service called; undefined when it names none. */
  scopeOf: (call: RoutedCall) => string | undefined;
  /** What is wrong with the call's path, checked once the call is granted. */
  pathProblems?: (call: RouteParams) => string[];
  upstream: Upstream;
  /** The path at the upstream. */
  upstreamPath: (call: RouteParams) => string;
  /** Whom the exchange record names as the target when not the upstream: the legacy system the connector calls. */
  provider?: (call: RouteParams) => string;
  dialect?: RouteDialect;
}

/** The province a dossier belongs to, read from its code (agency part), without asking intake. */
const provinceOfDossier = ({ params }: RoutedCall): string | undefined => {
  const parts = parseDossierCode(params.code);
  return parts ? ownerOfAgency(parts.agencyCode) : undefined;
};
const provinceOfSubmission = ({ body }: RoutedCall): string | undefined => {
  const agency = (body as { agencyCode?: unknown } | undefined)?.agencyCode;
  return typeof agency === 'string' ? ownerOfAgency(agency) : undefined;
};
/** The province of every dossier a batch of status reports names. */
const provinceOfReports = ({ body }: RoutedCall): string | undefined => {
  const reports = (body as { reports?: unknown } | undefined)?.reports;
  return Array.isArray(reports) ? provinceOfAll(reports.map((r) => (r as { code?: unknown } | null)?.code)) : undefined;
};
const nowhere = () => undefined;
const under = (prefix: string, suffix = '') => ({ params }: RouteParams) => `${prefix}/${encodeURIComponent(params.code)}${suffix}`;

const SERVICES = '/v1/systems/:instance/:memberClass/:memberCode/:subsystem/services';

const TEMPLATES_PATH = '/v1/operator/notification-templates';
/** Operators' notification templates, served by notification. */
const TEMPLATES: ProxyRoute[] = [
  { method: 'GET', path: TEMPLATES_PATH, permission: Permission.ManageTemplates, scopeOf: nowhere, upstream: 'notification', upstreamPath: () => '/templates' },
  { method: 'POST', path: TEMPLATES_PATH, permission: Permission.ManageTemplates, scopeOf: nowhere, upstream: 'notification', upstreamPath: () => '/templates' },
  { method: 'POST', path: `${TEMPLATES_PATH}/preview`, permission: Permission.ManageTemplates, scopeOf: nowhere, upstream: 'notification', upstreamPath: () => '/templates/preview' },
];

const RECONCILIATIONS_PATH = '/v1/operator/payments/reconciliations';
const reconciliation = (suffix = '') => ({ params }: RouteParams) => `/reconciliations/${encodeURIComponent(params.id)}${suffix}`;
/** Operators' reconciliations of the payment providers' statements, refunds, and the fees held for their procedure, served by payment. */
const RECONCILIATIONS: ProxyRoute[] = [
  { method: 'GET', path: RECONCILIATIONS_PATH, permission: Permission.ReconcilePayments, scopeOf: nowhere, upstream: 'payment', upstreamPath: () => '/reconciliations' },
  { method: 'POST', path: RECONCILIATIONS_PATH, permission: Permission.ReconcilePayments, scopeOf: nowhere, upstream: 'payment', upstreamPath: () => '/reconciliations' },
  { method: 'GET', path: `${RECONCILIATIONS_PATH}/:id`, permission: Permission.ReconcilePayments, scopeOf: nowhere, upstream: 'payment', upstreamPath: reconciliation() },
  { method: 'GET', path: `${RECONCILIATIONS_PATH}/:id/mismatches`, permission: Permission.ReconcilePayments, scopeOf: nowhere, upstream: 'payment', upstreamPath: reconciliation('/mismatches') },
  {
    method: 'POST',
    path: '/v1/operator/payments/attempts/:id/refunds',
    permission: Permission.RefundPayments,
    scopeOf: nowhere,
    upstream: 'payment',
    upstreamPath: ({ params }) => `/attempts/${encodeURIComponent(params.id)}/refunds`,
  },
  {
    method: 'GET',
    path: '/v1/operator/payments/fees-awaiting-procedure',
    permission: Permission.ReconcilePayments,
    scopeOf: nowhere,
    upstream: 'payment',
    upstreamPath: () => '/fees-awaiting-procedure',
  },
];

/**
 * Synchronous calls of legacy systems' services, X-Road style: the provider is named by its four id parts, the grant
 * must cover that provider's service, and the call goes through the connector, which answers what the legacy system
 * answered; with or without a path after the service (…/services/tra-cuu-ho-so/000.00.06.H56-261123-0001, or
 * …/services/tra-cuu-ho-so and a body).
 */
const SERVICE_CALLS: ProxyRoute[] = [`${SERVICES}/:service`, `${SERVICES}/:service/*path`].flatMap((path) =>
  (['GET', 'POST'] as const).map((method) => ({
    method,
    path,
    permission: Permission.CallService,
    scopeOf: calledService,
    pathProblems: servicePathProblems,
    upstream: 'connector' as const,
    upstreamPath: connectorPathOf,
    provider: providerOf,
  })),
);

export const PROXY_ROUTES: readonly ProxyRoute[] = [
  { method: 'POST', path: '/v1/dossiers', permission: Permission.SubmitDossier, scopeOf: provinceOfSubmission, upstream: 'intake', upstreamPath: () => '/dossiers' },
  { method: 'GET', path: '/v1/dossiers/:code', permission: Permission.ReadDossier, scopeOf: provinceOfDossier, upstream: 'intake', upstreamPath: under('/dossiers') },
  { method: 'GET', path: '/v1/dossiers/:code/tracking', permission: Permission.TrackDossier, scopeOf: provinceOfDossier, upstream: 'intake', upstreamPath: under('/dossiers', '/tracking') },
  {
    method: 'GET',
    path: '/v1/operator/dossiers/:code/journey',
    permission: Permission.ReadExchanges,
    scopeOf: provinceOfDossier,
    upstream: 'intake',
    upstreamPath: under('/dossiers', '/journey'),
  },
  { method: 'POST', path: '/v1/dossiers/:code/steps', permission: Permission.UpdateDossierStatus, scopeOf: provinceOfDossier, upstream: 'intake', upstreamPath: under('/dossiers', '/steps') },
  { method: 'POST', path: '/v1/dossiers/:code/status', permission: Permission.UpdateDossierStatus, scopeOf: provinceOfDossier, upstream: 'intake', upstreamPath: under('/dossiers', '/status') },
  { method: 'POST', path: '/v1/dossier-status-batches', permission: Permission.UpdateDossierStatus, scopeOf: provinceOfReports, upstream: 'intake', upstreamPath: () => '/dossier-status-batches' },
  { method: 'GET', path: '/v1/dossiers/:code/payments', permission: Permission.ReadPayment, scopeOf: provinceOfDossier, upstream: 'payment', upstreamPath: under('/dossiers', '/payments') },
  {
    method: 'POST',
    path: '/v1/dossiers/:code/payments/:paymentId/attempts',
    permission: Permission.PayFee,
    scopeOf: provinceOfDossier,
    upstream: 'payment',
    upstreamPath: (call) => under('/dossiers', `/payments/${encodeURIComponent(call.params.paymentId)}/attempts`)(call),
  },
  {
    method: 'GET',
    path: '/v1/dossiers/:code/payments/:paymentId/receipt',
    permission: Permission.ReadPayment,
    scopeOf: provinceOfDossier,
    upstream: 'payment',
    upstreamPath: (call) => under('/dossiers', `/payments/${encodeURIComponent(call.params.paymentId)}/receipt`)(call),
  },
  { method: 'GET', path: '/v1/payments/providers', permission: Permission.ReadPayment, scopeOf: nowhere, upstream: 'payment', upstreamPath: () => '/providers' },
  ...RECONCILIATIONS,
  { method: 'POST', path: '/v1/payments/callbacks', permission: Permission.ReportPayment, scopeOf: nowhere, upstream: 'payment', upstreamPath: () => '/payments/callbacks' },
  { method: 'POST', path: '/v1/notifications/opt-outs', permission: Permission.ManageOptOuts, scopeOf: nowhere, upstream: 'notification', upstreamPath: () => '/opt-outs' },
  { method: 'POST', path: '/v1/notifications/sms-receipts', permission: Permission.ReportDelivery, scopeOf: nowhere, upstream: 'notification', upstreamPath: () => '/sms-receipts' },
  { method: 'POST', path: '/v1/notifications/sms-receipt-batches', permission: Permission.ReportDelivery, scopeOf: nowhere, upstream: 'notification', upstreamPath: () => '/sms-receipt-batches' },
  ...TEMPLATES,
  { method: 'GET', path: '/v1/operator/notifications', permission: Permission.ReadNotifications, scopeOf: nowhere, upstream: 'notification', upstreamPath: () => '/notifications' },
  { method: 'GET', path: '/v1/procedures', permission: Permission.ReadProcedure, scopeOf: nowhere, upstream: 'catalogue', upstreamPath: () => '/procedures' },
  { method: 'GET', path: '/v1/procedures/:code', permission: Permission.ReadProcedure, scopeOf: nowhere, upstream: 'catalogue', upstreamPath: under('/procedures') },
  { method: 'GET', path: '/v1/procedures/:code/record', permission: Permission.ReadProcedure, scopeOf: nowhere, upstream: 'catalogue', upstreamPath: under('/procedures', '/record') },
  { method: 'GET', path: '/v1/procedures/:code/versions', permission: Permission.ReadProcedure, scopeOf: nowhere, upstream: 'catalogue', upstreamPath: under('/procedures', '/versions') },
  {
    method: 'GET',
    path: '/v1/procedures/:code/versions/:version',
    permission: Permission.ReadProcedure,
    scopeOf: nowhere,
    upstream: 'catalogue',
    upstreamPath: (call) => under('/procedures', `/versions/${encodeURIComponent(call.params.version)}`)(call),
  },
  ...SERVICE_CALLS,
  ...DVCQG_COMPAT_ROUTES,
];
