import { DeliveryError } from './delivery-error';

/**
 * POSTs JSON and answers the parsed JSON body; every way the call can fail (unreachable, too slow,
 * non-2xx, not JSON) becomes a DeliveryError naming the URL, never the body sent.
 */
export async function postJson(url: string, body: unknown, timeoutMs: number): Promise<unknown> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    if (!response.ok) throw new DeliveryError(`HTTP ${response.status} from ${url}`);
    try {
      return JSON.parse(text);
    } catch {
      throw new DeliveryError(`the answer from ${url} is not JSON`);
    }
  } catch (error) {
    if (error instanceof DeliveryError) throw error;
    if (error instanceof DOMException && error.name === 'TimeoutError') throw new DeliveryError(`no answer from ${url} within ${timeoutMs} ms`);
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new DeliveryError(`cannot reach ${url}: ${cause?.code ?? cause?.message ?? String(error)}`);
  }
}
