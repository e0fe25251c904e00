import { LoggerModule } from 'nestjs-pino';
import type { Options } from 'pino-http';
import type { DynamicModule } from '@nestjs/common';

/** Field names whose values are secrets, wherever they appear in a logged object: never written to a log line. */
export const REDACTED_PATHS = ['res.headers["set-cookie"]', '*.password', '*.apiKey', '*.secret', '*.clientSecret', '*.privateKey', '*.session'];

/**
 * A request in a log line: enough to find it (its id, method and URL; the trace id comes with every line). Its headers
 * are left out: they carry credentials (Authorization, x-api-key), and serialising and redacting them on every call
 * costs the gateway throughput.
 */
const requestInLog = (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url });

/** How every service logs its HTTP calls (pino-http). */
export function httpLoggerOptions(serviceName: string, level: string): Options {
  return {
    name: serviceName,
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: { req: requestInLog },
    autoLogging: { ignore: (req) => /^\/(health|metrics)/.test(req.url ?? '') },
    transport: process.env.LOG_FORMAT === 'pretty' ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
  };
}

export function loggerModule(serviceName: string, level: string): DynamicModule {
  return LoggerModule.forRoot({ pinoHttp: httpLoggerOptions(serviceName, level) });
}
