import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** An event waiting to be published, written in the same transaction as the change that implies it. */
@Entity({ name: 'outbox' })
export class OutboxMessage {
  /** The CloudEvents id of the event. */
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'bigint', generated: 'increment', insert: false, update: false })
  position: string;

  @Column()
  topic: string;

  @Column()
  type: string;

  /** Message key and CloudEvents subject: the business key that orders a dossier's events. */
  @Column()
  key: string;

  @Column('jsonb')
  payload: unknown;

  @Column({ type: 'varchar', nullable: true })
  traceparent: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
