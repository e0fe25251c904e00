import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { NotificationChannel, recipientKey } from './notification.entity';


/** The recipients who asked to hear no more on a channel (of what the law lets them refuse). */
@Injectable()
export class OptOutRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Which of these (channel, recipient) pairs opted out, as `channel:recipient` keys. */
  async among(manager: EntityManager, messages: readonly { channel: string; recipient: string }[]): Promise<Set<string>> {
    if (messages.length === 0) return new Set();
    const rows: { channel: string; recipient: string }[] = await manager.query(
      `SELECT o.channel, o.recipient FROM opt_outs o JOIN unnest($1::varchar[], $2::varchar[]) AS m(channel, recipient) USING (channel, recipient)`,
      [messages.map((m) => m.channel), messages.map((m) => m.recipient)],
    );
    return new Set(rows.map((r) => recipientKey(r.channel, r.recipient)));
  }

  async set(channel: NotificationChannel, recipient: string, optedOut: boolean): Promise<void> {
    await this.dataSource.query(
      optedOut ? `INSERT INTO opt_outs (channel, recipient) VALUES ($1, $2) ON CONFLICT DO NOTHING` : `DELETE FROM opt_outs WHERE channel = $1 AND recipient = $2`,
      [channel, recipient],
    );
  }
}
