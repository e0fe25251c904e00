import type { Deadline } from './deadline';
import { LegacyCallError } from './legacy-call-error';

/**
 * POSTs JSON and answers the parsed JSON body; every way the call can fail (unreachable, too slow,
 * non-2xx, not JSON) becomes a LegacyCallError naming the URL, never the body sent.
 */
export async function postJson(url: string, body: unknown, deadline: Deadline): Promise<unknown> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      signal: deadline.signal,
    });
    const text = await response.text();
    if (!response.ok) throw new LegacyCallError(`HTTP ${response.status} from ${url}`);
    try {
      return JSON.parse(text);
    } catch {
      throw new LegacyCallError(`the answer from ${url} is not JSON`);
    }
  } catch (error) {
    if (error instanceof LegacyCallError) throw error;
    if (error instanceof DOMException && error.name === 'TimeoutError') throw new LegacyCallError(`no answer from ${url} within ${deadline.ms} ms`, true);
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new LegacyCallError(`cannot reach ${url}: ${cause?.code ?? cause?.message ?? String(error)}`);
  }
}
