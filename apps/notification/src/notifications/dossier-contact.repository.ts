import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface DossierContact {
  dossierCode: string;
  email: string;
  phone: string;
  submissionChannel: 1 | 2 | 3 | undefined;
}

/** The applicant's contact of each dossier, kept from the dossier events: payment events carry none. */
@Injectable()
export class DossierContactRepository {
  /** Keeps the latest contact of each dossier (the last of a batch wins), in one statement. */
  async remember(manager: EntityManager, contacts: readonly DossierContact[]): Promise<void> {
    const latest = [...new Map(contacts.map((c) => [c.dossierCode, c])).values()];
    if (latest.length === 0) return;
    await manager.query(
      `INSERT INTO dossier_contacts (dossier_code, email, phone, submission_channel)
       SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::smallint[])
       ON CONFLICT (dossier_code) DO UPDATE SET email = EXCLUDED.email, phone = EXCLUDED.phone,
         submission_channel = coalesce(EXCLUDED.submission_channel, dossier_contacts.submission_channel), updated_at = now()`,
      [latest.map((c) => c.dossierCode), latest.map((c) => c.email), latest.map((c) => c.phone), latest.map((c) => c.submissionChannel ?? null)],
    );
  }

  async of(manager: EntityManager, dossierCodes: readonly string[]): Promise<Map<string, DossierContact>> {
    const rows: { dossier_code: string; email: string; phone: string; submission_channel: number | null }[] = await manager.query(
      `SELECT * FROM dossier_contacts WHERE dossier_code = ANY($1::varchar[])`,
      [dossierCodes],
    );
    return new Map(rows.map((r) => [r.dossier_code, { dossierCode: r.dossier_code, email: r.email, phone: r.phone, submissionChannel: (r.submission_channel ?? undefined) as DossierContact['submissionChannel'] }]));
  }
}
