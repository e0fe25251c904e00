import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotificationChannel } from './notification.entity';

/** The recipients who asked to hear no more on a channel (of what the law lets them refuse). */
@Injectable()
export class OptOutRepository {
  constructor(private readonly dataSource: DataSource) {}

  async set(channel: NotificationChannel, recipient: string, optedOut: boolean): Promise<void> {
    await this.dataSource.query(
      optedOut ? `INSERT INTO opt_outs (channel, recipient) VALUES ($1, $2) ON CONFLICT DO NOTHING` : `DELETE FROM opt_outs WHERE channel = $1 AND recipient = $2`,
      [channel, recipient],
    );
  }
}
