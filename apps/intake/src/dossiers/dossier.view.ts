import { DOSSIER_STATUS_LABELS, DossierStatus } from '@lienthong/domain-dossier';
import type { Dossier } from './dossier.entity';
import type { DossierTimelineEntry } from './dossier-timeline-entry.entity';

const maskId = (id: string) => `${'*'.repeat(id.length - 4)}${id.slice(-4)}`;
export const statusLabel = (status: number) => DOSSIER_STATUS_LABELS[status as DossierStatus];

export const timelineEntryView = (t: DossierTimelineEntry) => ({
  kind: t.kind,
  status: t.status,
  statusLabel: statusLabel(t.status),
  previousStatus: t.previousStatus,
  note: t.note,
  ...(t.detail !== null && { detail: t.detail }),
  actor: t.actor,
  occurredAt: t.occurredAt.toISOString(),
});

/** What the API shows of a dossier: the applicant's id number is masked. */
export const dossierView = (d: Dossier, timeline?: DossierTimelineEntry[]) => ({
  code: d.code,
  status: d.status,
  statusLabel: statusLabel(d.status),
  procedure: { code: d.procedureCode, name: d.procedureName, caseCode: d.caseCode },
  agencyCode: d.agencyCode,
  provinceCode: d.provinceCode,
  channel: d.channel,
  partnerReference: d.partnerReference,
  sourceSystem: d.sourceSystem,
  applicant: { name: d.applicant.name, kind: d.applicant.kind, idType: d.applicant.idType, idNumber: maskId(d.applicant.idNumber) },
  summary: d.summary,
  submittedAt: d.submittedAt.toISOString(),
  updatedAt: d.updatedAt.toISOString(),
  dueAt: d.dueAt?.toISOString() ?? null,
  overdue: d.overdueAt !== null,
  ...(timeline && {
    timeline: timeline.map(timelineEntryView),
  }),
});
