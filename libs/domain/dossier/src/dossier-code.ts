/** Agency identifier codes (QCVN 102:2016): `000.00.06.H56`, or sub-units `H21.17`, `H21.217`; ministries `G02`. */
const AGENCY_CODE = /^(?:\d{3}\.\d{2}\.\d{2}\.([HG]\d{2})|([HG]\d{2})(?:\.\d{2,3})?)$/;

export const isAgencyCode = (code: string): boolean => AGENCY_CODE.test(code);

/** The province (H..) or ministry (G..) an agency code belongs to, or undefined when the code is malformed. */
export function ownerOfAgency(code: string): string | undefined {
  const match = AGENCY_CODE.exec(code);
  return match ? (match[1] ?? match[2]) : undefined;
}

const DOSSIER_CODE = /^(.+)-(\d{6})-(\d{4})$/;

export interface DossierCodeParts {
  agencyCode: string;
  /** YYMMDD in Asia/Ho_Chi_Minh */
  day: string;
  sequence: number;
}

/** Circular 01/2018/TT-VPCP art. 19: `<agency code>-<YYMMDD>-<4-digit daily sequence>`. */
export function formatDossierCode({ agencyCode, day, sequence }: DossierCodeParts): string {
  if (!isAgencyCode(agencyCode)) throw new RangeError(`not an agency code: ${agencyCode}`);
  if (!/^\d{6}$/.test(day)) throw new RangeError(`day must be YYMMDD: ${day}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 9999) throw new RangeError(`daily sequence out of range 1..9999: ${sequence}`);
  return `${agencyCode}-${day}-${String(sequence).padStart(4, '0')}`;
}

export function parseDossierCode(code: string): DossierCodeParts | undefined {
  const match = DOSSIER_CODE.exec(code);
  if (!match || !isAgencyCode(match[1])) return undefined;
  return { agencyCode: match[1], day: match[2], sequence: Number(match[3]) };
}

const VIETNAM_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: '2-digit', month: '2-digit', day: '2-digit' });

/** The calendar day in Asia/Ho_Chi_Minh as YYMMDD: the daily sequence resets at Vietnamese midnight. */
export function vietnamDay(at: Date): string {
  const parts = Object.fromEntries(VIETNAM_DAY.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.year}${parts.month}${parts.day}`;
}
