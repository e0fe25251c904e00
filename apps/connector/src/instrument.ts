import { startTelemetry } from '@lienthong/platform-observability';

startTelemetry('connector');
