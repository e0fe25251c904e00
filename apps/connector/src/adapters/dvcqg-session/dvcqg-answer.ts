/** What a DVCQG-style answer means for the caller. */
export type DvcqgVerdict =
  | { kind: 'accepted' }
  | { kind: 'already-exists' }
  | { kind: 'session-invalid' }
  | { kind: 'refused'; reason: string };

/** error_code -2: the session expired or is unknown; the client logs in again. */
const INVALID_SESSION = -2;
/** How the systems word a create for a dossier code they already hold; clients then resend it as an update. */
const ALREADY_EXISTS = /đã tồn tại/i;

const messageOf = (answer: Record<string, unknown>): string => {
  const text = answer.message ?? answer.result;
  return typeof text === 'string' ? text : JSON.stringify(text ?? null);
};

/** Reads `{error_code: 0 | "0" | …, message | result}`; error codes arrive as numbers or strings. */
export function judgeDvcqgAnswer(answer: unknown): DvcqgVerdict {
  if (typeof answer !== 'object' || answer === null || !('error_code' in answer)) {
    return { kind: 'refused', reason: 'the answer has no error_code' };
  }
  const body = answer as Record<string, unknown>;
  const code = Number(body.error_code);
  if (code === 0 && String(body.error_code).trim() !== '') return { kind: 'accepted' };
  if (code === INVALID_SESSION) return { kind: 'session-invalid' };
  const message = messageOf(body);
  if (ALREADY_EXISTS.test(message)) return { kind: 'already-exists' };
  return { kind: 'refused', reason: `error_code ${String(body.error_code)}: ${message}` };
}

/** After a create the system says it already holds: send the same record again as an update; anything else stands. */
export const shouldResendAsUpdate = (verdict: DvcqgVerdict, wasUpdating: boolean): boolean =>
  verdict.kind === 'already-exists' && !wasUpdating;
