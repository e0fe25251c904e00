import { ArgumentsHost, BadRequestException, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import type { Request } from 'express';
import type { ServerResponse } from 'node:http';
import { problemInstanceOf } from './internal-headers';
import { PROBLEM_CONTENT_TYPE, ProblemDetails, ProblemException, problemType } from './problem';

/** Body-parser errors carry a `type` and a status; they reach us before any route. */
interface ParserError {
  type?: string;
  status?: number;
  statusCode?: number;
}

const PARSER_PROBLEMS: Record<string, [string, string]> = {
  'entity.parse.failed': ['malformed-json', 'The request body is not valid JSON'],
  'entity.too.large': ['payload-too-large', 'The request body is too large'],
  'encoding.unsupported': ['unsupported-encoding', 'The request body encoding is not supported'],
  'charset.unsupported': ['unsupported-charset', 'The request body charset is not supported'],
};

/** pg-pool's words when no connection became free within connectionTimeoutMillis: the service is overloaded, not broken. */
const POOL_EXHAUSTED = 'timeout exceeded when trying to connect';
const BUSY_RETRY_AFTER_SECONDS = 1;

/**
 * The problem an error foresaw: a typed one, or the service's own resources running out under load (a 503 the client
 * retries after Retry-After, not a defect's 500).
 */
function foreseenProblemOf(error: unknown): ProblemException | undefined {
  if (error instanceof ProblemException) return error;
  if (!(error instanceof Error) || error.message !== POOL_EXHAUSTED) return undefined;
  return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, 'busy', 'The service is too busy to answer now', 'No database connection became free in time: try again shortly', {
    retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS,
  });
}

/** Turns every error into RFC 9457 problem+json, with the trace id; an unexpected one is a 500 with no internals. */
export function toProblem(error: unknown, instance: string): ProblemDetails {
  const foreseen = foreseenProblemOf(error);
  if (foreseen) return foreseen.toProblem(instance);
  const parser = error as ParserError;
  if (parser?.type && PARSER_PROBLEMS[parser.type]) {
    const [slug, title] = PARSER_PROBLEMS[parser.type];
    return { type: problemType(slug), title, status: parser.status ?? parser.statusCode ?? 400, instance };
  }
  // any other body-parser refusal (too many parameters, too deep …) is the client's, with its own status
  const parserStatus = parser?.type ? (parser.status ?? parser.statusCode) : undefined;
  if (parserStatus && parserStatus >= 400 && parserStatus < 500) {
    return { type: problemType('unreadable-body'), title: 'The request body cannot be read', status: parserStatus, instance };
  }
  if (error instanceof BadRequestException) {
    const body = error.getResponse() as { message?: string | string[] };
    const errors = Array.isArray(body.message) ? body.message : undefined;
    return {
      type: problemType('invalid-request'),
      title: 'The request is invalid',
      status: HttpStatus.BAD_REQUEST,
      detail: errors ? errors.join('; ') : String(body.message ?? error.message),
      instance,
      ...(errors ? { errors } : {}),
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    return { type: problemType(`http-${status}`), title: error.message, status, instance };
  }
  return { type: problemType('internal-error'), title: 'Internal error', status: HttpStatus.INTERNAL_SERVER_ERROR, instance };
}

/**
 * Answers the problem, with the trace id, and with Retry-After when it says when to come back (`retryAfterSeconds`); on
 * Node's own response, so that a handler in front of Express can use it too. Answers the bytes of the body.
 */
export function sendProblem(res: ServerResponse, problem: ProblemDetails): number {
  const traceId = trace.getActiveSpan()?.spanContext().traceId;
  const body = JSON.stringify({ ...problem, ...(traceId ? { traceId } : {}) });
  res.statusCode = problem.status;
  if (typeof problem.retryAfterSeconds === 'number') res.setHeader('Retry-After', String(problem.retryAfterSeconds));
  res.setHeader('Content-Type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
  const bytes = Buffer.byteLength(body);
  res.setHeader('Content-Length', bytes);
  res.end(body);
  return bytes;
}

/**
 * A typed problem of 5xx is an outcome the code foresaw (a provider down, too slow, its circuit open): one line, no
 * stack, since a failing legacy system can make thousands a second. Any other 5xx is a defect: its stack is needed.
 */
export function logProblem(logger: Logger, problem: ProblemDetails, error: unknown): void {
  if (problem.status < 500) return;
  if (foreseenProblemOf(error)) logger.warn(`${problem.status} ${problem.title}: ${problem.detail ?? ''}`);
  else logger.error(error instanceof Error ? error.stack : String(error));
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const problem = toProblem(error, problemInstanceOf(req));
    logProblem(this.logger, problem, error);
    sendProblem(http.getResponse<ServerResponse>(), problem);
  }
}
