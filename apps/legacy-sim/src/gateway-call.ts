import { demoApiKeyOf } from '@lienthong/domain-registry';
import { postText, unansweredReason } from '@lienthong/platform-http';
import { LegacySimEnv } from './config';

const REQUEST_TIMEOUT_MS = 5000;

/** How a call of the gateway went: answered (any status), or not answered at all. */
export type GatewayCallResult = { answered: true; httpStatus: number; text: string } | { answered: false; error: string };

/** Whether a call that failed may succeed if made again. */
export const isRetryable = (result: GatewayCallResult) => !result.answered || result.httpStatus >= 500 || result.httpStatus === 429;

/** A POST to the gateway as a simulated system makes it: JSON, with the system's demo API key. */
export async function postToGateway(config: LegacySimEnv, systemId: string, path: string, body: unknown, signal: AbortSignal): Promise<GatewayCallResult> {
  try {
    const { status, text } = await postText(`${config.GATEWAY_URL}${path}`, {
      headers: { 'content-type': 'application/json', 'x-api-key': demoApiKeyOf(config.DEMO_SEED_SECRET, systemId) },
      body: JSON.stringify(body),
      signal: AbortSignal.any([signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]),
    });
    return { answered: true, httpStatus: status, text };
  } catch (error) {
    return { answered: false, error: unansweredReason(error) };
  }
}
