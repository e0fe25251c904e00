import type { NotificationChannel } from '../notifications/notification.entity';
import { fieldNamesOf, MessageTemplate, TEMPLATE_KEYS } from './template-fields';

const PLACEHOLDER = /#([A-Z][A-Za-z]*)/g;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** Four joined segments of 153 characters. */
const SMS_MAX = 612;
const BRAND_TEMPLATE_ID = /^[A-Z0-9_]{3,50}$/;

/** What is wrong with a new version of a template; empty when nothing is. */
export function templateProblems(template: string, channel: NotificationChannel, { subject, lines }: MessageTemplate): string[] {
  if (!TEMPLATE_KEYS.includes(template)) return [`${template} is no template: one of ${TEMPLATE_KEYS.join(', ')}`];
  const known = fieldNamesOf(template);
  const used = [...[subject, ...lines].join('\n').matchAll(PLACEHOLDER)].map((m) => m[1]);
  const problems = [...new Set(used.filter((field) => !known.includes(field)))].map((field) => `#${field} is not a field of ${template} (it has ${known.map((k) => `#${k}`).join(', ')})`);
  if (channel === 'SMS') {
    if (!BRAND_TEMPLATE_ID.test(subject)) problems.push('an SMS subject is the id its brand-name template is registered under: 3–50 capital letters, digits or "_"');
    if (!lines.every((line) => PRINTABLE_ASCII.test(line))) problems.push('an SMS is plain ASCII: no diacritics, no other characters');
    if (lines.join(' ').length > SMS_MAX) problems.push(`an SMS holds at most ${SMS_MAX} characters (four segments)`);
  } else if (!subject.trim()) problems.push('an e-mail needs a subject');
  return problems;
}
