import { parseDossierCode } from '@lienthong/domain-dossier';
import { DOSSIER_LOOKUP_SERVICE } from '@lienthong/domain-registry';
import type { LegacyCall, MappedCall, ServiceMapping, ServiceRequest } from '../service-call';

const MAX_DOSSIER_CODE = 100;

/**
 * TraCuuHoSo of one dossier. madonvi, the unit asked, is the agency in the dossier's code; a code of another format goes
 * without it and the system answers for itself.
 */
export function dossierLookupCall(code: string): LegacyCall {
  const agency = parseDossierCode(code)?.agencyCode;
  return { operation: 'TraCuuHoSo', parameters: { ...(agency ? { madonvi: agency } : {}), MaHoSo: code } };
}

/** TraCuuHoSo for clients: the dossier code comes as the one path segment after the service (…/tra-cuu-ho-so/{MaHoSo}) or as MaHoSo in a JSON body. */
function dossierLookup({ path, body }: ServiceRequest): MappedCall {
  const fromBody = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).MaHoSo : undefined;
  const code = path.length > 0 ? path[0] : fromBody;
  if (path.length > 1 || typeof code !== 'string' || code.length === 0 || code.length > MAX_DOSSIER_CODE) {
    return { ok: false, reason: `${DOSSIER_LOOKUP_SERVICE} takes one dossier code (up to ${MAX_DOSSIER_CODE} characters): …/${DOSSIER_LOOKUP_SERVICE}/{MaHoSo}, or {"MaHoSo": …} as the body` };
  }
  return { ok: true, call: dossierLookupCall(code) };
}

/** The services the one-stop systems of the session dialect offer to clients of the backbone; a new one is one entry here. */
export const DVCQG_SERVICES: ReadonlyMap<string, ServiceMapping> = new Map([[DOSSIER_LOOKUP_SERVICE, dossierLookup]]);
