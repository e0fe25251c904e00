/**
 * A dossier asks for fees of a procedure whose procedure.published.v1 has not reached payment. Thrown
 * from the event handler on purpose: the two events travel on different topics, so the procedure may
 * simply arrive a moment later, and the platform's retries give it that moment; if it never comes, the
 * event is parked on the dead-letter topic and can be redriven once the catalogue has published it.
 * Skipping the event instead would lose the fee request for good.
 */
export class ProcedureNotKnownError extends Error {
  constructor(readonly procedureCode: string, readonly dossierCode: string) {
    super(`procedure ${procedureCode} of dossier ${dossierCode} is not known to payment (no procedure.published.v1 yet)`);
    this.name = 'ProcedureNotKnownError';
  }
}
