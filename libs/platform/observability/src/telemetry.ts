import { NodeSDK } from '@opentelemetry/sdk-node';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { AlwaysOffSampler, BatchSpanProcessor, NoopSpanProcessor } from '@opentelemetry/sdk-trace';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PinoInstrumentation } from '@opentelemetry/instrumentation-pino';

let sdk: NodeSDK | undefined;
let exporting = false;

/** Whether spans are recorded and exported (OTEL_EXPORTER_OTLP_ENDPOINT was set when telemetry started). */
export const spansExported = (): boolean => exporting;

/**
 * Starts OpenTelemetry before anything else is imported (instrument.ts is the first import of main.ts).
 * Every span has ids, so trace ids reach the logs and Kafka headers; spans are recorded and exported only when
 * OTEL_EXPORTER_OTLP_ENDPOINT is set. Kafka context travels in our own CloudEvents headers (see platform-kafka),
 * not through the kafkajs instrumentation, because the outbox relay publishes outside the request's context.
 * Incoming calls get their span from traceRequests (request-tracing.ts), not from the HTTP instrumentation, and Express
 * is not instrumented: a span per middleware layer costs the gateway measurable throughput (bench/gateway).
 * PostgreSQL and Redis client spans are made only when exported.
 */
export function startTelemetry(serviceName: string): void {
  if (sdk) return;
  exporting = Boolean(process.env.OTEL_EXPORTER_OTLP_ENDPOINT);
  if (!exporting) {
    // without a collector, keep logs and metrics exporters from trying the default endpoint
    process.env.OTEL_LOGS_EXPORTER ??= 'none';
    process.env.OTEL_METRICS_EXPORTER ??= 'none';
  }
  sdk = new NodeSDK({
    serviceName: process.env.OTEL_SERVICE_NAME ?? serviceName,
    // Without a collector nothing is recorded, yet every span still gets its ids (a non-recording span), so trace ids
    // reach logs, problems and Kafka headers at a fraction of the cost of recording spans that nobody reads.
    ...(exporting ? { spanProcessors: [new BatchSpanProcessor({ exporter: new OTLPTraceExporter() })] } : { sampler: new AlwaysOffSampler(), spanProcessors: [new NoopSpanProcessor()] }),
    instrumentations: [
      new PinoInstrumentation(),
      // client spans only matter to a collector: unexported, they would cost every query and every quota check
      ...(exporting ? [new PgInstrumentation(), new IORedisInstrumentation()] : []),
    ],
  });
  sdk.start();
}

export async function stopTelemetry(): Promise<void> {
  await sdk?.shutdown();
  sdk = undefined;
  exporting = false;
}
