import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BackgroundWorker } from '@lienthong/platform-database';
import { TemplateException, TemplateProblem } from './template.exception';
import type { NotificationChannel } from '../notifications/notification.entity';
import { defaultEmailTemplate } from './email.templates';
import { defaultSmsTemplate } from './sms.templates';
import { MessageTemplate } from './template-fields';
import { templateProblems } from './template-rules';

/** Which template: its key, channel, and the submission channel it is worded for (0: any). */
export interface TemplateAddress {
  template: string;
  channel: NotificationChannel;
  submissionChannel: 0 | 1 | 2 | 3;
}

export interface TemplateVersion extends TemplateAddress, MessageTemplate {
  /** 1 is the one in the code; operators write 2 and on. */
  version: number;
  createdBy: string | null;
  createdAt: string | null;
}

/** How often each instance picks up the versions written on other instances. */
const RELOAD_MS = 10000;

const keyOf = (a: TemplateAddress) => `${a.template}|${a.channel}|${a.submissionChannel}`;

interface TemplateRow {
  template: string;
  channel: NotificationChannel;
  submission_channel: number;
  version: number;
  subject: string;
  lines: string[];
  created_by: string;
  created_at: Date;
}

const versionOf = (row: TemplateRow): TemplateVersion => ({
  template: row.template,
  channel: row.channel,
  submissionChannel: row.submission_channel as TemplateVersion['submissionChannel'],
  version: row.version,
  subject: row.subject,
  lines: row.lines,
  createdBy: row.created_by,
  createdAt: row.created_at.toISOString(),
});

/**
 * The message templates in use: version 1 of each is the one in the code; an operator's new version replaces it from
 * then on, for one submission channel or for all. Messages already made keep the version they were made with.
 */
@Injectable()
export class TemplateStore extends BackgroundWorker implements OnModuleInit {
  private latest = new Map<string, TemplateVersion>();

  constructor(private readonly dataSource: DataSource) {
    super('template-reload', () => this.reload(), RELOAD_MS);
  }

  async onModuleInit(): Promise<void> {
    await this.reload();
  }

  /** The version a message is made with now: the latest for its submission channel, else for any, else the code's. */
  active(template: string, channel: NotificationChannel, submissionChannel: 1 | 2 | 3 | undefined): TemplateVersion {
    const exact = submissionChannel ? this.latest.get(keyOf({ template, channel, submissionChannel })) : undefined;
    return exact ?? this.latest.get(keyOf({ template, channel, submissionChannel: 0 })) ?? this.codeVersion({ template, channel, submissionChannel: submissionChannel ?? 0 });
  }

  /** Every version of a template, the code's first. */
  async versions(address: TemplateAddress): Promise<TemplateVersion[]> {
    const rows: TemplateRow[] = await this.dataSource.query(
      `SELECT * FROM templates WHERE template = $1 AND channel = $2 AND submission_channel = $3 ORDER BY version`,
      [address.template, address.channel, address.submissionChannel],
    );
    return [this.codeVersion(address), ...rows.map(versionOf)];
  }

  /** Writes the next version of a template, once it is known to be a sound one. */
  async add(address: TemplateAddress, template: MessageTemplate, createdBy: string): Promise<TemplateVersion> {
    const problems = templateProblems(address.template, address.channel, template);
    if (problems.length > 0) throw new TemplateException(TemplateProblem.Invalid, problems.join('; '), { errors: problems });
    const [row]: TemplateRow[] = await this.dataSource.query(
      `INSERT INTO templates (template, channel, submission_channel, version, subject, lines, created_by)
       SELECT $1::varchar, $2::varchar, $3::smallint, coalesce(max(version), 1) + 1, $4, $5::jsonb, $6 FROM templates WHERE template = $1 AND channel = $2 AND submission_channel = $3
       RETURNING *`,
      [address.template, address.channel, address.submissionChannel, template.subject, JSON.stringify(template.lines), createdBy],
    );
    await this.reload();
    return versionOf(row);
  }

  private codeVersion(address: TemplateAddress): TemplateVersion {
    const sub = address.submissionChannel === 0 ? undefined : address.submissionChannel;
    const code = address.channel === 'SMS' ? defaultSmsTemplate(address.template, sub) : defaultEmailTemplate(address.template);
    return { ...address, ...code, version: 1, createdBy: null, createdAt: null };
  }

  private async reload(): Promise<number> {
    const rows: TemplateRow[] = await this.dataSource.query(`SELECT DISTINCT ON (template, channel, submission_channel) * FROM templates ORDER BY template, channel, submission_channel, version DESC`);
    this.latest = new Map(rows.map((row) => [keyOf(versionOf(row)), versionOf(row)]));
    return 0;
  }
}
