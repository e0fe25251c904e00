import { HttpStatus, Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { Pool } from 'undici';
import { INTERNAL_HEADERS, ProblemException } from '@lienthong/platform-http';
import { withTraceHeaders } from '@lienthong/platform-observability';
import { GatewayEnv } from '../config';
import { noteExchange } from '../exchanges/exchange-notes';
import { bufferedRequest } from './buffered-request';
import { UpstreamAnswer } from './upstream-answer';

export type Upstream = 'intake' | 'catalogue' | 'payment' | 'notification' | 'connector';

/** An authorised call, as the proxy forwards it. */
export interface Forwarding {
  upstream: Upstream;
  /** The path at the upstream; the query string follows as the client sent it. */
  path: string;
  query: string;
  clientId: string;
  body: unknown;
  /** Whom the exchange record names as the target: the upstream itself, or the legacy system the connector calls. */
  provider: string;
}

const ACTING_USER = /^[\w.@:/-]{1,128}$/;
/** A URL that goes in a header as it is (a request line may carry bytes a header may not). */
const HEADER_SAFE_URL = /^[\x21-\x7e]{1,2048}$/;

/**
 * Forwards an authorised call to the service that owns the data, naming the calling system, the acting user and the
 * URL called in internal headers. Failures of the service are attributed to the provider side (502/504), so an
 * operator knows whom to call. One pool of kept-alive connections per service: a call parses no URL and looks up no
 * origin.
 */
@Injectable()
export class UpstreamProxy implements OnApplicationShutdown {
  private readonly pools: Record<Upstream, Pool>;

  constructor(config: GatewayEnv) {
    const timeouts = { headersTimeout: config.UPSTREAM_TIMEOUT_MS, bodyTimeout: config.UPSTREAM_TIMEOUT_MS };
    this.pools = {
      intake: new Pool(config.INTAKE_URL, timeouts),
      catalogue: new Pool(config.CATALOGUE_URL, timeouts),
      payment: new Pool(config.PAYMENT_URL, timeouts),
      notification: new Pool(config.NOTIFICATION_URL, timeouts),
      connector: new Pool(config.CONNECTOR_URL, timeouts),
    };
  }

  async forward(req: IncomingMessage, call: Forwarding): Promise<UpstreamAnswer> {
    const actingUser = req.headers[INTERNAL_HEADERS.user];
    // the service continues the call's trace: one trace from the client through the events it causes
    const headers = withTraceHeaders({ [INTERNAL_HEADERS.client]: call.clientId });
    if (typeof actingUser === 'string' && ACTING_USER.test(actingUser)) headers[INTERNAL_HEADERS.user] = actingUser;
    // a problem the service answers names the URL the client called, not the service's own
    if (req.url && HEADER_SAFE_URL.test(req.url)) headers[INTERNAL_HEADERS.instance] = req.url;
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    if (hasBody) headers['content-type'] = 'application/json';
    noteExchange(req, { provider: call.provider });
    try {
      // the whole answer, body included: a body that stops arriving is the provider's failure too
      return await bufferedRequest(this.pools[call.upstream], {
        path: `${call.path}${call.query}`,
        method: req.method as 'GET' | 'POST',
        headers,
        body: hasBody ? JSON.stringify(call.body ?? {}) : undefined,
      });
    } catch (error) {
      throw upstreamFailure(call.upstream, error);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(Object.values(this.pools).map((pool) => pool.close()));
  }
}

function upstreamFailure(upstream: Upstream, error: unknown): ProblemException {
  const code = (error as { code?: string }).code;
  const timedOut = code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT';
  return new ProblemException(
    timedOut ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.BAD_GATEWAY,
    timedOut ? 'upstream-timeout' : 'upstream-unavailable',
    timedOut ? 'The providing service did not answer in time' : 'The providing service is unavailable',
    `${upstream} ${timedOut ? 'timed out' : 'could not be reached'}`,
    { errorSide: 'provider', upstream },
  );
}
