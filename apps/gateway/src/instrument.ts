import { setFlagsFromString } from 'node:v8';
import { startTelemetry } from '@lienthong/platform-observability';

// Before anything allocates: V8 pretenures the objects of an allocation site whose objects survived its young
// collections, and under load some sites of a call's path qualify. Their objects are then born in the old space and,
// once dead, keep the young objects they point to alive through every young collection until the next full one: each
// scavenge copied megabytes of finished calls (undici's parsed headers, answers) and paused the gateway for 10–30 ms.
// Without pretenuring a scavenge keeps what is in flight, a few hundred kB (docs/decisions.md, bench/gateway).
setFlagsFromString('--no-allocation-site-pretenuring');

startTelemetry('gateway');
