import type { Dossier } from './dossier.entity';
import type { DossierTimelineEntry } from './dossier-timeline-entry.entity';
import { statusLabel, timelineEntryView } from './dossier.view';

/** "Nguyễn Văn An" → "N***** V** A*": enough for the applicant to know it is theirs, nothing for anyone else. */
export const maskName = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => `${[...word][0]}${'*'.repeat([...word].length - 1)}`)
    .join(' ');

/** Where a dossier stands, with nothing personal, the way a citizen follows it by its code from any province. */
const whereItStands = (d: Dossier) => ({
  code: d.code,
  procedure: { code: d.procedureCode, name: d.procedureName },
  agencyCode: d.agencyCode,
  provinceCode: d.provinceCode,
  status: d.status,
  statusLabel: statusLabel(d.status),
  submittedAt: d.submittedAt.toISOString(),
  dueAt: d.dueAt?.toISOString() ?? null,
  overdue: d.overdueAt !== null,
});

/** The citizen's view: the applicant's name masked, and each change of status with when it happened. */
export const trackingView = (d: Dossier, timeline: DossierTimelineEntry[]) => ({
  ...whereItStands(d),
  applicant: { name: maskName(d.applicant.name) },
  history: timeline.filter((t) => t.kind === 'status-changed').map((t) => ({ status: t.status, statusLabel: statusLabel(t.status), occurredAt: t.occurredAt.toISOString() })),
});

/** The operators' view: the journey across every system that touched the dossier, without the applicant. */
export const journeyView = (d: Dossier, timeline: DossierTimelineEntry[]) => ({
  ...whereItStands(d),
  sourceSystem: d.sourceSystem,
  journey: timeline.map(timelineEntryView),
});
