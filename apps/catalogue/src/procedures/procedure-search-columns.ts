import { CanonicalProcedure, foldForSearch } from '@lienthong/domain-procedure';
import type { ProcedureReferenceV1 } from '@lienthong/contracts';

/** What the search reads of a procedure, folded once at import so that a search compares plain text. */
export interface ProcedureSearchColumns {
  searchText: string;
  /** Upper-cased codes of the promulgating, competent and implementing agencies. */
  agencyCodes: string[];
  agencyText: string;
  fieldCodes: string[];
  fieldText: string;
}

const codesOf = (refs: ProcedureReferenceV1[]) => [...new Set(refs.flatMap((r) => (r.code ? [r.code.toUpperCase()] : [])))];
const namesOf = (refs: ProcedureReferenceV1[]) => foldForSearch(refs.map((r) => r.name).join(' | '));

export function searchColumnsOf(procedure: CanonicalProcedure): ProcedureSearchColumns {
  const agencies = [
    ...(procedure.promulgatingAgency ? [{ code: procedure.promulgatingAgency, name: '' }] : []),
    ...(procedure.competentAgencies ?? []),
    ...(procedure.implementingAgencies ?? []),
  ];
  const fields = procedure.fields ?? [];
  return {
    searchText: foldForSearch(`${procedure.code} ${procedure.name}`),
    agencyCodes: codesOf(agencies),
    agencyText: namesOf(agencies),
    fieldCodes: codesOf(fields),
    fieldText: namesOf(fields),
  };
}
