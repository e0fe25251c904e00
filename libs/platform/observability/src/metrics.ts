import { Controller, Get, Header } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Histogram, register } from 'prom-client';

collectDefaultMetrics();

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
