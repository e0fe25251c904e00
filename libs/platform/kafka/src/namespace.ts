/**
 * Environments sharing one broker keep apart by a namespace: with KAFKA_NAMESPACE=test the topic
 * dossier.submitted.v1 is test.dossier.submitted.v1 and the group intake is test.intake, so a test run
 * never feeds a backbone started by `npm start`, nor the other way round. Contracts keep the plain names.
 */
export const inNamespace = (name: string, namespace: string = process.env.KAFKA_NAMESPACE ?? ''): string =>
  namespace ? `${namespace}.${name}` : name;
