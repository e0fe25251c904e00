import type { IncomingMessage } from 'node:http';

/** What the code serving a call learns of it that its exchange record must name. */
export interface ExchangeNotes {
  /** The authenticated calling system: known from then on, so refused calls (429, 403) are recorded against it. */
  client?: string;
  /**
   * The providing service the call was handed to (by the proxy, just before it forwards): the record names it as the
   * target, and a 5xx from then on is the provider's answer or failure, not the gateway's.
   */
  provider?: string;
  /** The template of the route that serves the call, with its decoded parameters, when the proxy serves it. */
  route?: string;
  params?: Readonly<Record<string, string>>;
  /** The body bytes of the answer: known to the proxy, counted as they are written when Nest answers. */
  responseBytes?: number | (() => number);
  /** The outcome when the HTTP status does not tell it: a refusal answered in a dialect that says everything with 200. */
  status?: number;
}

const NOTES = Symbol('lienthong:exchange-notes');
type Noted = IncomingMessage & { [NOTES]?: ExchangeNotes };

/** Adds to the notes of a call. A property of the request, not a WeakMap entry: a weak key per call costs every garbage collection. */
export function noteExchange(req: IncomingMessage, notes: ExchangeNotes): void {
  const noted = req as Noted;
  noted[NOTES] = noted[NOTES] ? Object.assign(noted[NOTES], notes) : notes;
}

export const exchangeNotesOf = (req: IncomingMessage): ExchangeNotes => (req as Noted)[NOTES] ?? {};
