import { ownerOfAgency, parseDossierCode } from '@lienthong/domain-dossier';

/**
 * The one province every dossier code (and agency code) a call names belongs to; undefined for a call that spans
 * provinces, or names none, which only a grant everywhere covers. What is no string is left to the service to refuse.
 */
export function provinceOfAll(codes: unknown[], agencies: unknown[] = []): string | undefined {
  const strings = (values: unknown[]) => values.filter((value): value is string => typeof value === 'string').map((value) => value.trim());
  const owners = new Set([
    ...strings(codes).map((code) => parseDossierCode(code)).map((parts) => (parts ? ownerOfAgency(parts.agencyCode) : undefined)),
    ...strings(agencies).map(ownerOfAgency),
  ]);
  return owners.size === 1 ? [...owners][0] : undefined;
}
