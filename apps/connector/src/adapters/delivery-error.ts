/** A delivery the target system did not accept (refusal, HTTP error, timeout); its message is shown to operators, so it never carries a secret. */
export class DeliveryError extends Error {
  override readonly name = 'DeliveryError';
}
