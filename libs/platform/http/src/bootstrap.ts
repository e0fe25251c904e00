import { DynamicModule, INestApplication, Logger as NestLogger, Type, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { urlencoded } from 'express';
import type { ServerOptions } from 'node:https';
import { Logger } from 'nestjs-pino';
import { traceRequests } from '@lienthong/platform-observability';
import { problemInstanceOf } from './internal-headers';
import { DEFAULT_BODY_LIMIT, jsonBodyParser } from './json-body';
import { ProblemFilter, sendProblem, toProblem } from './problem.filter';
import { rejectUnstorableCharacters } from './reject-unstorable';
import { requireJsonBody } from './require-json';

/** How a service reads request bodies. */
export interface BodyOptions {
  /** Largest accepted JSON body, e.g. '1mb'. */
  bodyLimit?: string;
  /**
   * Exact paths that also accept `application/x-www-form-urlencoded`, as an OAuth 2.0 token endpoint must
   * (RFC 6749 §4.4.2). Every other path stays JSON-only.
   */
  formBodyPaths?: readonly string[];
}

/** TLS of a service's own server: its certificate and key, and the CAs that client certificates must chain to. */
export type HttpsServerOptions = Pick<ServerOptions, 'cert' | 'key' | 'ca' | 'requestCert' | 'rejectUnauthorized'>;

export interface ServiceHttpOptions extends BodyOptions {
  host: string;
  port: number;
  /** Serves HTTPS with these; plain HTTP without. */
  https?: HttpsServerOptions;
}

/**
 * Form bodies are a few short fields. Their byte limit bounds them, not a parameter count: the parser's "too many
 * parameters" error has no problem mapping, so the count limit is one a body within the byte limit cannot reach
 * (n bytes hold at most n + 1 parameters).
 */
const FORM_BODY_BYTES = 16 * 1024;

/** Applies what every service answers the same way: JSON bodies only (forms only where declared), size limits, validation, problem+json. */
export function configureHttp(app: NestExpressApplication, { bodyLimit = DEFAULT_BODY_LIMIT, formBodyPaths = [] }: BodyOptions = {}): void {
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  const formPaths = new Set(formBodyPaths);
  app.use(requireJsonBody(formPaths));
  app.use(jsonBodyParser(bodyLimit));
  if (formPaths.size > 0) app.use([...formPaths], urlencoded({ extended: false, limit: FORM_BODY_BYTES, parameterLimit: FORM_BODY_BYTES + 1 }));
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => sendProblem(res, toProblem(error, problemInstanceOf(req))));
  app.use(rejectUnstorableCharacters);
  app.useGlobalFilters(new ProblemFilter());
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, stopAtFirstError: false }));
  app.enableShutdownHooks();
}

/** Boots a service: pino logs, strict JSON, graceful shutdown that drains in-flight work, then listens. */
export async function startService(module: Type<unknown> | DynamicModule, options: ServiceHttpOptions): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module, { bufferLogs: true, bodyParser: false, httpsOptions: options.https });
  configureHttp(app, options);
  await listenTraced(app, options.port, options.host);
  new NestLogger('Bootstrap').log(`listening on ${options.https ? 'https' : 'http'}://${options.host}:${options.port}`);
  return app;
}

/**
 * Initialises the app, then traces every call ahead of all that serves it, then listens. Initialised first, because a
 * module may put its own request handling in front of Express as it starts (the gateway's proxy does), and that must
 * run inside the call's trace too.
 */
export async function listenTraced(app: INestApplication, port: number, host: string): Promise<void> {
  await app.init();
  traceRequests(app.getHttpServer());
  await app.listen(port, host);
}
