import { DynamicModule, INestApplication, Logger as NestLogger, Type, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { json } from 'express';
import { Logger } from 'nestjs-pino';
import { ProblemFilter, sendProblem, toProblem } from './problem.filter';
import { requireJsonBody } from './require-json';

export interface ServiceHttpOptions {
  host: string;
  port: number;
  /** Largest accepted request body, e.g. '1mb'. */
  bodyLimit?: string;
}

/** Applies what every service answers the same way: JSON bodies only, size limits, validation, problem+json. */
export function configureHttp(app: NestExpressApplication, bodyLimit = '1mb'): void {
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.use(requireJsonBody);
  app.use(json({ limit: bodyLimit, type: ['application/json', 'application/*+json'] }));
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => sendProblem(res, toProblem(error, req.originalUrl)));
  app.useGlobalFilters(new ProblemFilter());
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, stopAtFirstError: false }));
  app.enableShutdownHooks();
}

/** Boots a service: pino logs, strict JSON, graceful shutdown that drains in-flight work, then listens. */
export async function startService(module: Type<unknown> | DynamicModule, options: ServiceHttpOptions): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module, { bufferLogs: true, bodyParser: false });
  configureHttp(app, options.bodyLimit);
  await app.listen(options.port, options.host);
  new NestLogger('Bootstrap').log(`listening on http://${options.host}:${options.port}`);
  return app;
}
