import { legacyInteger } from '@lienthong/domain-dossier';
import type { ObservedStatus } from '../adapters/status-lookup';

/** What was last seen of a dossier's status in its system. */
export interface SeenStatus {
  status: string;
  occurredAt: Date | null;
}

/** A status as one text whichever way the dialects send it: 4, "4" and " 4" are the same status; words are kept as sent. */
export function statusText(status: number | string): string {
  const numeric = legacyInteger(status);
  return numeric === undefined ? String(status).trim() : String(numeric);
}

/**
 * Whether a look-up saw something new: another status, or the same status with a time its record did not give before
 * or gives otherwise now (a corrected date moves the dossier's clock). A look-up whose record gives no time does not
 * take back the time seen before.
 */
export function isChange(seen: SeenStatus, observed: ObservedStatus): boolean {
  if (statusText(observed.status) !== seen.status) return true;
  return observed.occurredAt !== null && observed.occurredAt.getTime() !== seen.occurredAt?.getTime();
}
