import { startTelemetry } from '@lienthong/platform-observability';

startTelemetry('legacy-sim');
