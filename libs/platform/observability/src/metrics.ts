import { Controller, Get, Header } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Histogram, register } from 'prom-client';

// the event loop's delay sampled every 100 ms (prom-client's default, 10 ms, is 100 wakeups a second of an idle app:
// 5 ms of CPU a second on this machine, 1.4 at 100 ms) still catches every stall of 100 ms and more
collectDefaultMetrics({ eventLoopMonitoringPrecision: 100 });

export const eventsPublished = new Counter({ name: 'lienthong_events_published_total', help: 'Events published (from the outbox, or directly when no database change implies them)', labelNames: ['topic'] });
export const eventsConsumed = new Counter({ name: 'lienthong_events_consumed_total', help: 'Events handled by a consumer', labelNames: ['topic', 'consumer', 'outcome'] });
export const eventHandlingSeconds = new Histogram({ name: 'lienthong_event_handling_seconds', help: 'Time to handle one event', labelNames: ['topic', 'consumer'] });

@Controller('metrics')
export class MetricsController {
  @Get()
  @Header('Content-Type', register.contentType)
  metrics(): Promise<string> {
    return register.metrics();
  }
}
