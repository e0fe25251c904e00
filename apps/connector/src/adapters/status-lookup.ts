import type { LegacyCall } from './service-call';

/** A dossier's status as a system answered it, and when the system's record says the dossier reached it (null: it does not say). */
export interface ObservedStatus {
  status: number | string;
  occurredAt: Date | null;
}

export type ReadStatus = { ok: true; observed: ObservedStatus } | { ok: false; reason: string };

/** How the systems of one protocol are asked for a dossier's status, and how their answer reads. */
export interface StatusLookup {
  callFor(dossierCode: string): LegacyCall;
  read(answer: unknown): ReadStatus;
}
