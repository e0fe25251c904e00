import type { DossierStatusChangedV1 } from '@lienthong/contracts';
import type { Dossier } from './dossier.entity';
import type { DossierTimelineEntry } from './dossier-timeline-entry.entity';
import type { StatusReportRecord } from './status-report.entity';

export type KeptReportRow = Omit<StatusReportRecord, 'id'>;
export type TimelineRow = Pick<DossierTimelineEntry, 'dossierCode' | 'kind' | 'status' | 'actor' | 'occurredAt'> &
  Partial<Pick<DossierTimelineEntry, 'previousStatus' | 'note' | 'detail'>>;

/**
 * What judging status reports decided, gathered in their order and written at the end in one statement and one outbox
 * insert (DossierRepository.keepReports): the reports kept, their timeline entries, each dossier as it ends up, the
 * status changes to publish.
 */
export class ReportWrites {
  readonly reports: KeptReportRow[] = [];
  readonly timeline: TimelineRow[] = [];
  /** By code: a dossier that several reports moved is written once, as the last left it. */
  readonly moved = new Map<string, Dossier>();
  readonly events: { key: string; payload: DossierStatusChangedV1 }[] = [];

  keep(report: KeptReportRow, entry: TimelineRow, dossier: Dossier): void {
    this.reports.push(report);
    this.timeline.push(entry);
    this.moved.set(dossier.code, dossier);
  }

  get empty(): boolean {
    return this.timeline.length === 0;
  }
}
