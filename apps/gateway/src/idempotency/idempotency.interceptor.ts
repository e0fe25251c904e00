import { CallHandler, ExecutionContext, Injectable, NestInterceptor, StreamableFile } from '@nestjs/common';
import type { Request, Response } from 'express';
import { buffer } from 'node:stream/consumers';
import { from, lastValueFrom, map, Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../access/grant.guard';
import { answerWith, PASSED_BACK_HEADERS, UpstreamAnswer } from '../proxy/upstream-answer';
import { IDEMPOTENCY_KEY_HEADER, IdempotentCalls } from './idempotent-calls';

/** IdempotentCalls on the POST routes Nest serves (the operators' API, @IdempotentPost), after GrantGuard has authenticated the caller. */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly calls: IdempotentCalls) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request & Partial<AuthenticatedRequest>>();
    const res = context.switchToHttp().getResponse<Response>();
    if (!req.credential) return next.handle();
    const call = { systemId: req.credential.system.id, key: req.headers[IDEMPOTENCY_KEY_HEADER], method: req.method, url: req.originalUrl, body: req.body };
    const answered = this.calls.run(call, res, async () => answerOf(await lastValueFrom(next.handle()), res));
    return from(answered).pipe(map((answer) => answerWith(res, answer)));
  }
}

/** The handler's answer as bytes: what a proxy route returns as it is, any other value as Nest would send it. */
async function answerOf(result: unknown, res: Response): Promise<UpstreamAnswer> {
  const headers: UpstreamAnswer['headers'] = {};
  for (const name of PASSED_BACK_HEADERS) {
    const value = res.getHeader(name);
    if (value !== undefined) headers[name] = String(value);
  }
  let body: Buffer;
  if (result instanceof StreamableFile) {
    body = await buffer(result.getStream());
  } else if (result === undefined || result === null) {
    body = Buffer.alloc(0);
  } else {
    const json = typeof result === 'object';
    body = Buffer.from(json ? JSON.stringify(result) : String(result), 'utf8');
    headers['content-type'] ??= json ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8';
  }
  return { status: res.statusCode, headers, body };
}
