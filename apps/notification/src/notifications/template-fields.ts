import { DOSSIER_STATUS_LABELS, DossierStatus } from '@lienthong/domain-dossier';
import type { NotificationChannel } from './notification.entity';

/** A message ready to store and send: rendered once, when its event arrives. */
export interface RenderedMessage {
  channel: NotificationChannel;
  template: string;
  recipient: string;
  carrier: string | null;
  dossierCode: string;
  subject: string;
  body: string;
}

/** Values of the `#Field` placeholders; null means "not known for this dossier". */
export type TemplateFields = Readonly<Record<string, string | null>>;

export class TemplateFieldUnknownError extends Error {}

/** `#Field`, as one-stop software writes its templates. */
const PLACEHOLDER = /#([A-Z][A-Za-z]*)/g;

/**
 * Replaces every `#Field` of a line. A line naming a field whose value is null is left out (undefined
 * is returned), so optional facts need no template of their own; a field no event provides is a
 * template bug and throws.
 */
export function fillLine(line: string, fields: TemplateFields): string | undefined {
  let missing = false;
  const filled = line.replace(PLACEHOLDER, (_, name: string) => {
    const value = fields[name];
    if (value === undefined) throw new TemplateFieldUnknownError(`template field #${name} is not provided`);
    if (value === null) missing = true;
    return value ?? '';
  });
  return missing ? undefined : filled;
}

const VIETNAM_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hourCycle: 'h23',
});

/** "HH:mm dd/MM/yyyy" in Asia/Ho_Chi_Minh, as Vietnamese notices write a moment. */
export function vietnamTime(iso: string): string {
  const p = Object.fromEntries(VIETNAM_TIME.formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
  return `${p.hour}:${p.minute} ${p.day}/${p.month}/${p.year}`;
}

export const statusLabel = (status: number) => DOSSIER_STATUS_LABELS[status as DossierStatus];

