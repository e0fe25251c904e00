import { LoggerModule } from 'nestjs-pino';
import type { DynamicModule } from '@nestjs/common';

/** Header and field names whose values are secrets: never written to a log line. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.apiKey',
  '*.secret',
];

/**
 * A request in a log line: enough to find it (its id, method and URL; the trace id comes with every line). Its headers
 * are left out: they carry credentials, and serialising and redacting them on every call costs the gateway throughput.
 */
export const requestInLog = (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url });

export function loggerModule(serviceName: string, level: string): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: {
      name: serviceName,
      level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      serializers: { req: requestInLog },
      autoLogging: { ignore: (req) => /^\/(health|metrics)/.test(req.url ?? '') },
      transport: process.env.LOG_FORMAT === 'pretty' ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
    },
  });
}
