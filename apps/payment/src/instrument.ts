import { startTelemetry } from '@lienthong/platform-observability';

startTelemetry('payment');
