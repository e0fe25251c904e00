import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PlatformMessage, RefusalReason } from '@lienthong/domain-payment';

export type ReportVerdictKind = 'paid' | 'paid-after-expiry' | 'failed' | 'duplicate' | 'refused';
/** A callback the provider sent, or its answer to a QUERY. */
export type ReportSource = 'callback' | 'query';

/** A provider's word on an attempt (a callback, or its answer to a QUERY), kept whatever was made of it: refused ones are what operators look into. */
@Entity({ name: 'provider_reports' })
export class ProviderReportRow {
  @PrimaryColumn('uuid')
  id: string;

  /** The system the report came from, as the gateway authenticated it. */
  @Column()
  provider: string;

  /** MaThamChieu as the report gave it. */
  @Column()
  reference: string;

  @Column({ name: 'attempt_id', type: 'uuid', nullable: true })
  attemptId: string | null;

  @Column({ type: 'varchar' })
  verdict: ReportVerdictKind;

  @Column({ type: 'varchar', nullable: true })
  reason: RefusalReason | null;

  @Column({ type: 'text', nullable: true })
  detail: string | null;

  /** The message as received: evidence, so its checksum too (a checksum is no secret). */
  @Column({ type: 'jsonb' })
  message: PlatformMessage;

  @Column({ type: 'varchar' })
  source: ReportSource;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;
}
