import { Injectable } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { ExchangeRecordedV1 } from '@lienthong/contracts';
import { CLIENT_CLOSED_REQUEST, errorSideOf, serviceNameOf } from './exchange-attribution';
import { ExchangeBuffer } from './exchange-buffer';
import { exchangeNotesOf, noteExchange } from './exchange-notes';
import { isoTimeOf } from './iso-time';

export const EXCHANGE_ID_HEADER = 'X-Lienthong-Exchange-Id';

/** The route parameter that names the business key of a call (a dossier or procedure code). */
const SUBJECT_PARAM = 'code';
/** The route parameter that names the legacy service a call is for (/v1/systems/…/services/:service). */
const SERVICE_PARAM = 'service';
const SUBJECT_MAX = 200;

export const isExchangePath = (path: string) => path === '/v1' || path.startsWith('/v1/');

/** What Express leaves on a request it routed (the operators' API, served by Nest). */
type ExpressRouted = IncomingMessage & { route?: { path?: unknown }; params?: Record<string, unknown> };

/**
 * Makes one exchange record of every call under /v1, whatever its outcome and whoever serves it (the proxy, or Nest),
 * when its response is over. The record only goes into the in-memory buffer: the call never waits for Kafka on its
 * account.
 */
@Injectable()
export class ExchangeRecorder {
  constructor(private readonly buffer: ExchangeBuffer<ExchangeRecordedV1>) {}

  /** Called for every /v1 call before anything serves it, so that calls refused before routing are recorded too. */
  watch(req: IncomingMessage, res: ServerResponse): void {
    const exchangeId = randomUUID();
    const startedAt = Date.now();
    const start = performance.now();
    const traceId = trace.getActiveSpan()?.spanContext().traceId ?? null;
    res.setHeader(EXCHANGE_ID_HEADER, exchangeId);
    // 'close' comes once per response, after 'finish' when it was answered and alone when the client went away first
    res.once('close', () => {
      const notes = exchangeNotesOf(req);
      const status = res.writableFinished ? (notes.status ?? res.statusCode) : CLIENT_CLOSED_REQUEST;
      const route = notes.route ?? expressRouteOf(req);
      const params = notes.params ?? (route ? (req as ExpressRouted).params : undefined);
      const target = notes.provider ?? null;
      this.buffer.push({
        exchangeId,
        client: notes.client ?? null,
        service: serviceNameOf(req.method ?? '', route, params?.[SERVICE_PARAM]),
        target,
        method: req.method ?? '',
        route: route ?? null,
        subject: subjectOf(params?.[SUBJECT_PARAM] ?? createdKeyOf(status, res)),
        status,
        errorSide: errorSideOf(status, target !== null),
        requestBytes: declaredLength(req),
        responseBytes: typeof notes.responseBytes === 'function' ? notes.responseBytes() : (notes.responseBytes ?? 0),
        startedAt: isoTimeOf(startedAt),
        endedAt: isoTimeOf(Date.now()),
        durationMs: Math.round((performance.now() - start) * 1000) / 1000,
        traceId,
      });
    });
  }

  /**
   * Counts the body bytes of a call that Nest answers, as they are written: a streamed answer has no Content-Length to
   * read afterwards. The proxy says what it sent instead, and spares its calls the wrapping.
   */
  countResponseBytes(req: IncomingMessage, res: ServerResponse): void {
    noteExchange(req, { responseBytes: countWrittenBytes(res) });
  }
}

/** The template of the /v1 route Express routed the call to; app-wide middleware routes (a catch-all) are no such route. */
function expressRouteOf(req: IncomingMessage): string | undefined {
  const path = (req as ExpressRouted).route?.path;
  return typeof path === 'string' && isExchangePath(path) ? path : undefined;
}

/**
 * Cut by code points, not UTF-16 units: half a surrogate pair is no text PostgreSQL's JSON accepts, and the record
 * would never be stored. The prefix of 2 × SUBJECT_MAX units holds at least SUBJECT_MAX whole code points.
 */
function subjectOf(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0) return null;
  if (value.length <= SUBJECT_MAX) return value;
  return Array.from(value.slice(0, 2 * SUBJECT_MAX))
    .slice(0, SUBJECT_MAX)
    .join('');
}

/**
 * The key of what a call created (201, its Location's last segment): a submission's subject is the dossier code that
 * intake gave it, which its path cannot name.
 */
function createdKeyOf(status: number, res: ServerResponse): string | undefined {
  const location = res.getHeader('location');
  if (status !== 201 || typeof location !== 'string') return undefined;
  const last = location.split('?')[0].split('/').at(-1) ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return undefined;
  }
}

function declaredLength(req: IncomingMessage): number {
  const length = Number(req.headers['content-length']);
  return Number.isSafeInteger(length) && length > 0 ? length : 0;
}

function countWrittenBytes(res: ServerResponse): () => number {
  let bytes = 0;
  const count = (chunk: unknown, encoding: unknown) => {
    if (typeof chunk === 'string') bytes += Buffer.byteLength(chunk, typeof encoding === 'string' && Buffer.isEncoding(encoding) ? encoding : 'utf8');
    else if (chunk instanceof Uint8Array) bytes += chunk.byteLength;
  };
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.write = ((...args: unknown[]) => {
    count(args[0], args[1]);
    return write(...args);
  }) as ServerResponse['write'];
  res.end = ((...args: unknown[]) => {
    if (typeof args[0] !== 'function') count(args[0], args[1]);
    return end(...args);
  }) as ServerResponse['end'];
  return () => bytes;
}
