import { request } from 'undici';

/** An answer read whole: its status, whether that is a 2xx, and its body as text. */
export interface TextAnswer {
  status: number;
  ok: boolean;
  text: string;
}

export interface PostOptions {
  headers: Record<string, string>;
  body: string;
  /** Ends the call, the reading of its answer included; the call then fails with the signal's reason. */
  signal: AbortSignal;
}

/**
 * POSTs `body` and reads the answer whole, on undici's request() and its keep-alive connections. The services call
 * other systems this way on every dossier (deliveries, SMS, status pushes); fetch() wraps every call in a WHATWG
 * Request, a Response and web streams, which cost several times the CPU of the call itself (docs/decisions.md).
 */
export async function postText(url: string, { headers, body, signal }: PostOptions): Promise<TextAnswer> {
  const answer = await request(url, { method: 'POST', headers, body, signal });
  return { status: answer.statusCode, ok: answer.statusCode >= 200 && answer.statusCode < 300, text: await answer.body.text() };
}

/** Why a call got no answer, for operators: the error's code (ECONNREFUSED, UND_ERR_SOCKET), else its message. */
export function unansweredReason(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string') return code;
  return typeof message === 'string' ? message : String(error);
}

/** Whether a call failed because this signal fired (its timeout, say), not for a reason of its own. */
export const abortedBy = (signal: AbortSignal, error: unknown) => signal.aborted && error === signal.reason;
