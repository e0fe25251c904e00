import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** An event a consumer has processed: a redelivery finds it here and has no second effect. */
@Entity({ name: 'inbox' })
export class InboxEntry {
  @PrimaryColumn({ name: 'event_id' })
  eventId: string;

  @PrimaryColumn()
  consumer: string;

  @CreateDateColumn({ name: 'processed_at', type: 'timestamptz' })
  processedAt: Date;
}
