/** A client's call of a legacy service in the backbone's REST form: the path segments after the service code, and the JSON body. */
export interface ServiceRequest {
  path: readonly string[];
  body: unknown;
}

/** The same call in the legacy system's terms: the operation it names and its parameters. */
export interface LegacyCall {
  operation: string;
  parameters: Record<string, unknown>;
}

export type MappedCall = { ok: true; call: LegacyCall } | { ok: false; reason: string };

/** One service of a protocol: reads a client's call into the legacy call, or says why it cannot be one. */
export type ServiceMapping = (request: ServiceRequest) => MappedCall;
