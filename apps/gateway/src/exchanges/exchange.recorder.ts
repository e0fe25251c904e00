import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { trace } from '@opentelemetry/api';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { ExchangeRecordedV1 } from '@lienthong/contracts';
import type { AuthenticatedRequest } from '../access/grant.guard';
import { CLIENT_CLOSED_REQUEST, errorSideOf, serviceNameOf } from './exchange-attribution';
import { ExchangeBuffer } from './exchange-buffer';
import { providerOf } from './exchange-notes';

export const EXCHANGE_ID_HEADER = 'X-Lienthong-Exchange-Id';

/** The route parameter that names the business key of a call (a dossier or procedure code). */
const SUBJECT_PARAM = 'code';
/** The route parameter that names the legacy service a call is for (/v1/systems/…/services/:service). */
const SERVICE_PARAM = 'service';
const SUBJECT_MAX = 200;

const isExchangePath = (path: string) => path === '/v1' || path.startsWith('/v1/');

/**
 * Makes one exchange record of every call under /v1, whatever its outcome, when its response is over. The record
 * only goes into the in-memory buffer: the call never waits for a database or Kafka on its account.
 */
@Injectable()
export class ExchangeRecorder implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost, private readonly buffer: ExchangeBuffer<ExchangeRecordedV1>) {}

  onModuleInit(): void {
    // The request hook runs ahead of every middleware, so calls refused before routing (an unreadable body, a wrong
    // media type) are recorded too. An application context without an HTTP server has no calls to record.
    this.adapterHost.httpAdapter?.setOnRequestHook((req: Request, res: Response, next: () => void) => {
      if (isExchangePath(req.path)) this.watch(req, res);
      next();
    });
  }

  private watch(req: Request, res: Response): void {
    const exchangeId = randomUUID();
    const startedAt = new Date();
    const start = performance.now();
    const traceId = trace.getActiveSpan()?.spanContext().traceId ?? null;
    const writtenBytes = countWrittenBytes(res);
    res.setHeader(EXCHANGE_ID_HEADER, exchangeId);
    // 'close' comes once per response, after 'finish' when it was answered and alone when the client went away first
    res.once('close', () => {
      const status = res.writableFinished ? res.statusCode : CLIENT_CLOSED_REQUEST;
      const route = routeOf(req);
      const target = providerOf(req);
      this.buffer.push({
        exchangeId,
        client: (req as Partial<AuthenticatedRequest>).credential?.system.id ?? null,
        service: serviceNameOf(req.method, route, route ? req.params?.[SERVICE_PARAM] : undefined),
        target,
        method: req.method,
        route: route ?? null,
        subject: route ? subjectOf(req) : null,
        status,
        errorSide: errorSideOf(status, target !== null),
        requestBytes: declaredLength(req),
        responseBytes: writtenBytes(),
        startedAt: startedAt.toISOString(),
        endedAt: new Date().toISOString(),
        durationMs: Math.round((performance.now() - start) * 1000) / 1000,
        traceId,
      });
    });
  }
}

/** The template of the /v1 route that answered; app-wide middleware routes (a catch-all) are no such route. */
function routeOf(req: Request): string | undefined {
  const path: unknown = req.route?.path;
  return typeof path === 'string' && isExchangePath(path) ? path : undefined;
}

/**
 * Cut by code points, not UTF-16 units: half a surrogate pair is no text PostgreSQL's JSON accepts, and the record
 * would never be stored. The prefix of 2 × SUBJECT_MAX units holds at least SUBJECT_MAX whole code points.
 */
function subjectOf(req: Request): string | null {
  const value = (req.params as Record<string, unknown> | undefined)?.[SUBJECT_PARAM];
  if (typeof value !== 'string' || value.length === 0) return null;
  return Array.from(value.slice(0, 2 * SUBJECT_MAX))
    .slice(0, SUBJECT_MAX)
    .join('');
}

function declaredLength(req: Request): number {
  const length = Number(req.headers['content-length']);
  return Number.isSafeInteger(length) && length > 0 ? length : 0;
}

/** Counts the body bytes a response writes: a streamed answer has no Content-Length to read afterwards. */
function countWrittenBytes(res: Response): () => number {
  let bytes = 0;
  const count = (chunk: unknown, encoding: unknown) => {
    if (typeof chunk === 'string') bytes += Buffer.byteLength(chunk, typeof encoding === 'string' && Buffer.isEncoding(encoding) ? encoding : 'utf8');
    else if (chunk instanceof Uint8Array) bytes += chunk.byteLength;
  };
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  res.write = ((...args: unknown[]) => {
    count(args[0], args[1]);
    return write(...args);
  }) as Response['write'];
  res.end = ((...args: unknown[]) => {
    if (typeof args[0] !== 'function') count(args[0], args[1]);
    return end(...args);
  }) as Response['end'];
  return () => bytes;
}
