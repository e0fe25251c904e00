import { abortedBy, postText, unansweredReason } from '@lienthong/platform-http';
import type { Deadline } from './deadline';
import { LegacyCallError } from './legacy-call-error';

/**
 * POSTs JSON and answers the parsed JSON body; every way the call can fail (unreachable, too slow,
 * non-2xx, not JSON) becomes a LegacyCallError naming the URL, never the body sent.
 */
export async function postJson(url: string, body: unknown, deadline: Deadline): Promise<unknown> {
  let answer;
  try {
    answer = await postText(url, { headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body), signal: deadline.signal });
  } catch (error) {
    if (abortedBy(deadline.signal, error)) throw new LegacyCallError(`no answer from ${url} within ${deadline.ms} ms`, true);
    throw new LegacyCallError(`cannot reach ${url}: ${unansweredReason(error)}`);
  }
  if (!answer.ok) throw new LegacyCallError(`HTTP ${answer.status} from ${url}`);
  try {
    return JSON.parse(answer.text);
  } catch {
    throw new LegacyCallError(`the answer from ${url} is not JSON`);
  }
}
