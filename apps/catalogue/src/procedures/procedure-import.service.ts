import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertValidPayload, procedurePublishedV1 } from '@lienthong/contracts';
import { NationalProcedureRecord, ProcedureRecordInvalidError, toCanonicalProcedure } from '@lienthong/domain-procedure';
import { containsUnstorable } from '@lienthong/platform-http';
import { Outbox } from '@lienthong/platform-kafka';
import { contentHash } from './content-hash';
import { ProcedureContent, ProcedureRepository } from './procedure.repository';

export interface RejectedRecord {
  /** The code as the record gave it, or null when it had none. */
  code: string | null;
  reason: string;
}

export interface ImportSummary {
  imported: number;
  unchanged: number;
  rejected: RejectedRecord[];
}

const givenCode = (record: unknown): string | null => {
  const code = (record as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
};

const isObject = (value: unknown): value is NationalProcedureRecord => typeof value === 'object' && value !== null && !Array.isArray(value);

@Injectable()
export class ProcedureImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly procedures: ProcedureRepository,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Imports national records one by one: new or changed content becomes the next version and is published
   * as procedure.published.v1 in the same transaction; unchanged content changes and publishes nothing.
   * A record that is not a national record is reported, and the others are still imported.
   */
  async importRecords(records: readonly unknown[]): Promise<ImportSummary> {
    const summary: ImportSummary = { imported: 0, unchanged: 0, rejected: [] };
    for (const record of records) {
      const content = this.contentOf(record);
      if ('reason' in content) {
        summary.rejected.push(content);
      } else if (await this.store(content)) {
        summary.imported += 1;
      } else {
        summary.unchanged += 1;
      }
    }
    if (summary.imported > 0) this.outbox.notifyCommitted();
    return summary;
  }

  /** Maps and checks a record without touching anything, so any failure here is the record's own. */
  private contentOf(record: unknown): ProcedureContent | RejectedRecord {
    if (!isObject(record)) return { code: null, reason: 'a national record is a JSON object' };
    if (containsUnstorable(record)) return { code: givenCode(record), reason: 'the record contains a NUL character or an unpaired surrogate' };
    try {
      const canonical = toCanonicalProcedure(record);
      // the mapping trusts the record's structure (fees, cases …): the event it would publish proves it held
      assertValidPayload(procedurePublishedV1, { ...canonical, version: 1, publishedAt: new Date().toISOString() });
      return { canonical, record, contentHash: contentHash({ canonical, record }) };
    } catch (error) {
      const reason = error instanceof ProcedureRecordInvalidError ? error.message : `the record does not map to a procedure: ${error instanceof Error ? error.message : String(error)}`;
      return { code: givenCode(record), reason };
    }
  }

  /** True when the content was new or changed, and was stored and published. */
  private store(content: ProcedureContent): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const publishedAt = new Date();
      const version = await this.procedures.upsertIfChanged(manager, content, publishedAt);
      if (version === undefined) return false;
      await this.outbox.add(manager, procedurePublishedV1, content.canonical.code, { ...content.canonical, version, publishedAt: publishedAt.toISOString() });
      return true;
    });
  }
}
