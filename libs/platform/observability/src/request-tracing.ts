import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import { Context, context, propagation, ROOT_CONTEXT, Span, SpanKind, SpanStatusCode, TraceFlags, trace } from '@opentelemetry/api';
import { RandomIdGenerator } from '@opentelemetry/sdk-trace';
import { spansExported } from './telemetry';

/** Probes of health and metrics are not calls worth a trace. */
const UNTRACED = /^\/(health|metrics)(\/|\?|$)/;

const ids = new RandomIdGenerator();

const hasBody = (req: IncomingMessage) => Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;

/**
 * One SERVER span per incoming call, continuing the caller's W3C traceparent and active for everything the call does,
 * so that its trace id reaches the logs, problem+json answers, exchange records, the calls the service makes and the
 * events it writes. It wraps the server's request listener, ahead of Express and every middleware.
 *
 * Written here rather than taken from @opentelemetry/instrumentation-http, whose work on every call (attributes of
 * every header and socket, each listener of the request and the response re-bound to the context, duration metrics)
 * cost the gateway about a third of its throughput (bench/gateway). Only a request with a body has its listeners
 * bound: the body arrives in events of the connection, outside the call's context, and the handlers run after it.
 */
export function traceRequests(server: Server): void {
  const listeners = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const handle = () => {
      for (const listener of listeners) listener(req, res);
    };
    if (UNTRACED.test(req.url ?? '')) return handle();
    const parent = propagation.extract(ROOT_CONTEXT, req.headers);
    const span = serverSpan(req, parent);
    const active = trace.setSpan(parent, span);
    // a span that is not recorded (no collector) has nothing to end: its ids are all it is for
    if (span.isRecording()) res.once('close', () => endSpan(span, req, res));
    if (hasBody(req)) context.bind(active, req);
    context.with(active, handle);
  });
}

/**
 * The call's span. Unexported, it is only ids, made here as the SDK would make them: the SDK's sampling, attribute
 * and metrics work on every call, for a span nobody records, cost the gateway about 2% of its CPU (bench/gateway).
 */
function serverSpan(req: IncomingMessage, parent: Context): Span {
  if (spansExported()) return trace.getTracer('lienthong-http').startSpan(req.method ?? 'HTTP', { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method } }, parent);
  const caller = trace.getSpanContext(parent);
  const continued = caller !== undefined && trace.isSpanContextValid(caller);
  return trace.wrapSpanContext({
    traceId: continued ? caller.traceId : ids.generateTraceId(),
    spanId: ids.generateSpanId(),
    traceFlags: TraceFlags.NONE,
    traceState: continued ? caller.traceState : undefined,
  });
}

/** Names the span after the route that answered (Express puts it on the request), with the outcome. */
function endSpan(span: Span, req: IncomingMessage, res: ServerResponse): void {
  const route: unknown = (req as { route?: { path?: unknown } }).route?.path;
  if (typeof route === 'string') {
    span.updateName(`${req.method} ${route}`);
    span.setAttribute('http.route', route);
  }
  span.setAttribute('http.response.status_code', res.statusCode);
  if (res.statusCode >= 500 || !res.writableFinished) span.setStatus({ code: SpanStatusCode.ERROR });
  span.end();
}

/** Adds the current trace context as W3C headers to those of a call the service makes (HTTP clients here are not instrumented). */
export function withTraceHeaders(headers: Record<string, string>): Record<string, string> {
  propagation.inject(context.active(), headers);
  return headers;
}
