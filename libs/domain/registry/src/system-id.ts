/**
 * Connected systems are named the X-Road way, instance/member class/member code/subsystem, with the
 * Vietnamese agency code as member code: `VN/GOV/000.00.00.H56/MOTCUA` is Thanh Hóa's one-stop software.
 */
export interface SystemId {
  instance: string;
  memberClass: string;
  memberCode: string;
  subsystem: string;
}

const SYSTEM_ID = /^([A-Z]{2,8})\/([A-Z]{2,8})\/([0-9A-Z.]+)\/([A-Z0-9_-]+)$/;

export const formatSystemId = (id: SystemId): string => `${id.instance}/${id.memberClass}/${id.memberCode}/${id.subsystem}`;

export function parseSystemId(text: string): SystemId | undefined {
  const match = SYSTEM_ID.exec(text);
  return match ? { instance: match[1], memberClass: match[2], memberCode: match[3], subsystem: match[4] } : undefined;
}

/** The province's one-stop software (phần mềm một cửa) that processes its dossiers. */
export const oneStopSystemOf = (provinceCode: string): string => formatSystemId({ instance: 'VN', memberClass: 'GOV', memberCode: `000.00.00.${provinceCode}`, subsystem: 'MOTCUA' });

/** The operators of the backbone itself: their console and tools call the operator API. */
export const OPERATOR_SYSTEM = 'VN/GOV/000.00.00.G22/LIENTHONG-OPS';

/** The national public-service portal, which submits dossiers on behalf of citizens. */
export const NATIONAL_PORTAL_SYSTEM = 'VN/GOV/000.00.00.G22/DVCQG';

/** A government member's code is its unit's code in the national agency list: `000.00.06.H56` is a unit of H56. */
const AGENCY_MEMBER_CODE = /^\d{3}\.\d{2}\.\d{2}\.([A-Z]\d{2})$/;

/**
 * The level-1 agency (G.., H..) a system belongs to, read from its member code; undefined for a member that is
 * not a government unit (a bank or an intermediary is a COM member named by its tax code) or a malformed code.
 */
export function agencyOfSystem(id: SystemId): string | undefined {
  if (id.memberClass !== 'GOV') return undefined;
  return AGENCY_MEMBER_CODE.exec(id.memberCode)?.[1];
}
