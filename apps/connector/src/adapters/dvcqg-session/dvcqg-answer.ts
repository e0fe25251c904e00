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

/** Whether an answer is in the dialect's envelope at all: an object with an error_code. */
export const isDvcqgAnswer = (answer: unknown): answer is Record<string, unknown> => typeof answer === 'object' && answer !== null && 'error_code' in answer;

/** Reads `{error_code: 0 | "0" | …, message | result}`; error codes arrive as numbers or strings. */
export function judgeDvcqgAnswer(answer: unknown): DvcqgVerdict {
  if (!isDvcqgAnswer(answer)) return { kind: 'refused', reason: 'the answer has no error_code' };
  const code = Number(answer.error_code);
  if (code === 0 && String(answer.error_code).trim() !== '') return { kind: 'accepted' };
  if (code === INVALID_SESSION) return { kind: 'session-invalid' };
  const message = messageOf(answer);
  if (ALREADY_EXISTS.test(message)) return { kind: 'already-exists' };
  return { kind: 'refused', reason: `error_code ${String(answer.error_code)}: ${message}` };
}

/** After a create the system says it already holds: send the same record again as an update; anything else stands. */
export const shouldResendAsUpdate = (verdict: DvcqgVerdict, wasUpdating: boolean): boolean =>
  verdict.kind === 'already-exists' && !wasUpdating;
