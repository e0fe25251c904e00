import type { TimelineKind } from '../dossiers/dossier-timeline-entry.entity';

/** What another service did for a dossier, as its timeline shows it. */
export interface JourneyEntry {
  dossierCode: string;
  kind: TimelineKind;
  note: string | null;
  detail: string | null;
  actor: string;
  occurredAt: string;
}
