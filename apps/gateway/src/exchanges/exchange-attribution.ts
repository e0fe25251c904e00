import type { ErrorSide } from '@lienthong/contracts';
import { isServiceCode } from '@lienthong/domain-registry';

/** nginx's "client closed request": the client went away before the gateway could answer. */
export const CLIENT_CLOSED_REQUEST = 499;

/**
 * Whom an operator should call about a call's outcome. 4xx are the client's doing; 502 and 504 say the providing
 * service failed, and so does any 5xx once the call was handed to a provider (the proxy passes its answer
 * through, or reports its failure); every other 5xx is the gateway's own.
 */
export function errorSideOf(status: number, handedToProvider: boolean): ErrorSide {
  if (status < 400) return 'none';
  if (status < 500) return 'client';
  if (status === 502 || status === 504 || handedToProvider) return 'provider';
  return 'gateway';
}

/** Stable names of the public routes, keyed by method and route template; they outlive a route's renaming. */
const SERVICE_NAMES: Record<string, string> = {
  'POST /v1/dossiers': 'dossier.submit',
  'GET /v1/dossiers/:code': 'dossier.read',
  'POST /v1/dossiers/:code/status': 'dossier.update-status',
  'POST /v1/dossier-status-batches': 'dossier.update-statuses',
  'POST /v1/dossiers/:code/steps': 'dossier.record-steps',
  'GET /v1/dossiers/:code/tracking': 'dossier.track',
  'GET /v1/operator/dossiers/:code/journey': 'operator.dossier-journey',
  'GET /v1/dossiers/:code/payments': 'payment.list',
  'POST /v1/dossiers/:code/payments/:paymentId/attempts': 'payment.initiate',
  'GET /v1/dossiers/:code/payments/:paymentId/receipt': 'payment.read-receipt',
  'GET /v1/payments/providers': 'payment.list-providers',
  'POST /v1/payments/callbacks': 'payment.callback',
  'GET /v1/operator/payments/reconciliations': 'operator.reconciliations.list',
  'POST /v1/operator/payments/reconciliations': 'operator.reconciliations.run',
  'GET /v1/operator/payments/reconciliations/:id': 'operator.reconciliations.read',
  'GET /v1/operator/payments/reconciliations/:id/mismatches': 'operator.reconciliations.mismatches',
  'GET /v1/operator/payments/fees-awaiting-procedure': 'operator.payments.fees-awaiting-procedure',
  'POST /v1/operator/payments/attempts/:id/refunds': 'operator.payments.refund',
  'POST /v1/notifications/opt-outs': 'notification.opt-out',
  'POST /v1/notifications/sms-receipts': 'notification.sms-receipt',
  'POST /v1/notifications/sms-receipt-batches': 'notification.sms-receipt-batch',
  'GET /v1/operator/notifications': 'operator.notifications.list',
  'GET /v1/operator/notification-templates': 'operator.templates.versions',
  'POST /v1/operator/notification-templates': 'operator.templates.add',
  'POST /v1/operator/notification-templates/preview': 'operator.templates.preview',
  'GET /v1/procedures': 'procedure.search',
  'GET /v1/procedures/:code': 'procedure.read',
  'GET /v1/procedures/:code/record': 'procedure.read-record',
  'GET /v1/procedures/:code/versions': 'procedure.list-versions',
  'GET /v1/procedures/:code/versions/:version': 'procedure.read-version',
  'GET /v1/operator/exchanges': 'operator.exchanges.list',
};

/** A call that matched no route (404), or was refused before routing (unreadable body, wrong media type). */
export const UNROUTED = 'unrouted';

/**
 * The service name of a call. A legacy system's service called the X-Road way (/v1/systems/…/services/:service) goes
 * by its own service code, so that every call of it is found under one name whoever provides it. Any other route is
 * named from the table above, else from its template (its literal segments after /v1, then the method), so that a
 * route added later is named stably without touching this file.
 */
export function serviceNameOf(method: string, route: string | undefined, calledService?: unknown): string {
  if (!route) return UNROUTED;
  if (typeof calledService === 'string' && isServiceCode(calledService)) return calledService;
  let ofMethod = ROUTE_NAMES.get(method);
  if (!ofMethod) ROUTE_NAMES.set(method, (ofMethod = new Map()));
  let name = ofMethod.get(route);
  if (name === undefined) ofMethod.set(route, (name = routeNameOf(method, route)));
  return name;
}

/** The names of the routes calls took, by method and template: a record's name is looked up, not made again. */
const ROUTE_NAMES = new Map<string, Map<string, string>>();

function routeNameOf(method: string, route: string): string {
  const named = SERVICE_NAMES[`${method} ${route}`];
  if (named) return named;
  const segments = route.split('/').filter((segment) => segment && segment !== 'v1' && !/^[:*]/.test(segment));
  return [...segments, method.toLowerCase()].join('.');
}
