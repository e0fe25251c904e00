import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { trace } from '@opentelemetry/api';
import { traceRequests, withTraceHeaders } from './request-tracing';
import { startTelemetry, stopTelemetry } from './telemetry';

const CALLER_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_TRACEPARENT = `00-${CALLER_TRACE}-00f067aa0ba902b7-01`;

/** What the handler saw: the active trace id when the call arrived, after its body was read, and its outgoing headers. */
interface Seen {
  onArrival?: string;
  afterBody?: string;
  outgoing: Record<string, string>;
}

const activeTraceId = () => trace.getActiveSpan()?.spanContext().traceId;

describe('a trace per incoming call', () => {
  let server: Server;
  let url: string;

  beforeAll(async () => {
    startTelemetry('request-tracing-spec');
    server = createServer((req: IncomingMessage, res) => {
      const seen: Seen = { onArrival: activeTraceId(), outgoing: {} };
      req.resume();
      // the body's events come from the connection: the call's context must still be the active one
      req.on('end', () => {
        seen.afterBody = activeTraceId();
        seen.outgoing = withTraceHeaders({});
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(seen));
      });
    });
    traceRequests(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await stopTelemetry();
  });

  const call = async (path: string, init: RequestInit = {}): Promise<Seen> => (await fetch(`${url}${path}`, init)).json() as Promise<Seen>;

  it("continues the caller's trace, and passes it on to the calls the service makes", async () => {
    const seen = await call('/v1/dossiers/x', { headers: { traceparent: CALLER_TRACEPARENT } });
    expect(seen.onArrival).toBe(CALLER_TRACE);
    expect(seen.outgoing.traceparent).toMatch(new RegExp(`^00-${CALLER_TRACE}-[0-9a-f]{16}-0[01]$`));
    expect(seen.outgoing.traceparent).not.toBe(CALLER_TRACEPARENT);
  });

  it('starts a trace of its own for a call that brings none, a new one per call', async () => {
    const [first, second] = [await call('/v1/dossiers/x'), await call('/v1/dossiers/x')];
    expect(first.onArrival).toMatch(/^[0-9a-f]{32}$/);
    expect(second.onArrival).toMatch(/^[0-9a-f]{32}$/);
    expect(second.onArrival).not.toBe(first.onArrival);
  });

  it('keeps the trace while the body of a call arrives', async () => {
    const seen = await call('/v1/dossiers', { method: 'POST', headers: { traceparent: CALLER_TRACEPARENT, 'content-type': 'application/json' }, body: '{"a":1}' });
    expect(seen.afterBody).toBe(CALLER_TRACE);
  });

  it('leaves health and metrics probes untraced', async () => {
    const seen = await call('/health/ready');
    expect(seen.onArrival).toBeUndefined();
  });
});
