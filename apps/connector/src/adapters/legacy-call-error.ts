/**
 * A call a legacy system did not accept or answer (refusal, HTTP error, unreadable answer, no answer in time). Its
 * message is for operators (a delivery's last error, the logs): it names the URL, never a secret or the body sent.
 */
export class LegacyCallError extends Error {
  override readonly name = 'LegacyCallError';

  constructor(
    message: string,
    readonly timedOut = false,
  ) {
    super(message);
  }
}
