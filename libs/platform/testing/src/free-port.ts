import { once } from 'node:events';
import { AddressInfo, createServer } from 'node:net';

/** A TCP port nothing listens on right now, for a server a test starts that cannot take port 0 (an SMTP sink). */
export async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
