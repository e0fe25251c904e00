import { DossierStatus, isDossierStatus } from './dossier-status';

/** The newer portal's status names (DOMAIN.md). */
export const PORTAL_STATUS_NAMES: Readonly<Record<string, DossierStatus>> = {
  receiving: DossierStatus.Registered,
  new: DossierStatus.Accepted,
  denied: DossierStatus.NotAccepted,
  processing: DossierStatus.Processing,
  waiting: DossierStatus.SupplementRequested,
  paying: DossierStatus.PaymentRequested,
  cancelled: DossierStatus.Withdrawn,
  unresolved: DossierStatus.Stopped,
  releasing: DossierStatus.ResultReady,
  done: DossierStatus.ResultReturned,
};

/** Names the portal uses without a known status: kept on the timeline, never a change of status. */
export const PORTAL_SUB_STATES: readonly string[] = ['interoperating', 'posting'];

/** How one connected system's reported values read: a value to a status, or to null for "a sub-state, not a status". */
export type StatusMapping = Readonly<Record<string, DossierStatus | null>>;

export type ReportedStatus =
  | { kind: 'status'; status: DossierStatus }
  /** recognised: a sub-state the portal or the system's mapping names; else a value nobody mapped. */
  | { kind: 'sub-state'; name: string; recognised: boolean };

/**
 * What a reported status means: a number 1–10 or its text ("4"), a portal name (any case), or what the reporting
 * system's own mapping says, which comes first. A text nobody knows is a sub-state too: one system's new status word
 * must not stop its dossiers (nor change their status).
 */
export function readReportedStatus(value: number | string, mapping: StatusMapping = {}): ReportedStatus | undefined {
  const key = String(value).trim();
  if (Object.hasOwn(mapping, key)) {
    const mapped = mapping[key];
    return mapped === null ? { kind: 'sub-state', name: key, recognised: true } : { kind: 'status', status: mapped };
  }
  const numeric = typeof value === 'number' ? value : /^\d{1,2}$/.test(key) ? Number(key) : undefined;
  if (numeric !== undefined) return isDossierStatus(numeric) ? { kind: 'status', status: numeric } : undefined;
  const name = key.toLowerCase();
  if (Object.hasOwn(PORTAL_STATUS_NAMES, name)) return { kind: 'status', status: PORTAL_STATUS_NAMES[name] };
  if (name === '') return undefined;
  return { kind: 'sub-state', name, recognised: PORTAL_SUB_STATES.includes(name) };
}

/** Checks a configured mapping: every target a status 1–10 or null; throws naming the first bad entry. */
export function assertStatusMapping(mapping: unknown, where: string): asserts mapping is StatusMapping {
  if (typeof mapping !== 'object' || mapping === null || Array.isArray(mapping)) throw new Error(`${where} must be an object of reported value → status`);
  for (const [key, target] of Object.entries(mapping)) {
    if (target !== null && !isDossierStatus(target)) throw new Error(`${where}.${key} must be a status 1–10 or null (a sub-state), not ${JSON.stringify(target)}`);
  }
}
