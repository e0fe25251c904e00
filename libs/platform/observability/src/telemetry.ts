import { NodeSDK } from '@opentelemetry/sdk-node';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { BatchSpanProcessor, NoopSpanProcessor } from '@opentelemetry/sdk-trace';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PinoInstrumentation } from '@opentelemetry/instrumentation-pino';

let sdk: NodeSDK | undefined;

/**
 * Starts OpenTelemetry before anything else is imported (instrument.ts is the first import of main.ts).
 * Spans are always recorded, so trace ids reach the logs and Kafka headers; they are exported only when
 * OTEL_EXPORTER_OTLP_ENDPOINT is set. Kafka context travels in our own CloudEvents headers (see platform-kafka),
 * not through the kafkajs instrumentation, because the outbox relay publishes outside the request's context.
 * Express is not instrumented: the HTTP server span names the call, and a span per middleware layer costs the
 * gateway measurable throughput (bench/gateway).
 */
export function startTelemetry(serviceName: string): void {
  if (sdk) return;
  const exporting = Boolean(process.env.OTEL_EXPORTER_OTLP_ENDPOINT);
  if (!exporting) {
    // without a collector, keep logs and metrics exporters from trying the default endpoint
    process.env.OTEL_LOGS_EXPORTER ??= 'none';
    process.env.OTEL_METRICS_EXPORTER ??= 'none';
  }
  sdk = new NodeSDK({
    serviceName: process.env.OTEL_SERVICE_NAME ?? serviceName,
    // a no-op processor still registers a tracer provider, so spans get ids for logs and headers
    spanProcessors: [exporting ? new BatchSpanProcessor({ exporter: new OTLPTraceExporter() }) : new NoopSpanProcessor()],
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => /^\/(health|metrics)/.test(req.url ?? '') }),
      new PgInstrumentation(),
      new IORedisInstrumentation(),
      new PinoInstrumentation(),
    ],
  });
  sdk.start();
}

export async function stopTelemetry(): Promise<void> {
  await sdk?.shutdown();
  sdk = undefined;
}
