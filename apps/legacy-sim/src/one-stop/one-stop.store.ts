import { DossierStatus } from '@lienthong/domain-dossier';
import { LegacyDossier, legacyInteger } from '@lienthong/domain-dossier';

/** not-pushed: the province reached the status while its pushes were switched off (StatusPushSwitch). */
export type PushOutcome = 'pending' | 'delivered' | 'refused' | 'gave-up' | 'abandoned' | 'not-pushed';

/** One status the province reports back to the backbone, and how that went. */
export interface StatusPush {
  status: DossierStatus;
  note: string;
  outcome: PushOutcome;
  attempts: number;
  /** HTTP status of the last answer, when there was one. */
  lastHttpStatus?: number;
  lastError?: string;
  updatedAt: string;
}

/** A dossier as one simulated province holds it. */
export interface ReceivedDossier {
  record: LegacyDossier;
  madonvi?: string;
  /** Every well-formed DongBoHoSoMC record naming this code, including creates refused as duplicates. */
  timesReceived: number;
  /** The province's own status of the dossier, which it reports back and TraCuuHoSo answers; a word when steered so. */
  status: DossierStatus | string;
  firstReceivedAt: string;
  lastReceivedAt: string;
  pushes: StatusPush[];
}

export type SyncOutcome = { kind: 'applied'; created: ReceivedDossier[] } | { kind: 'exists'; code: string } | { kind: 'unknown'; code: string };

const initialStatus = (record: LegacyDossier): DossierStatus => (legacyInteger(record.TrangThaiHoSo) ?? DossierStatus.Registered) as DossierStatus;

/** The dossiers every simulated province received, in memory (a simulator keeps nothing across restarts). */
export class OneStopStore {
  private readonly provinces = new Map<string, Map<string, ReceivedDossier>>();

  /**
   * Applies one DongBoHoSoMC batch all or nothing: a create of an existing code or an update of an unknown
   * one refuses the whole batch, as the first offending record is what the caller is told about.
   */
  sync(province: string, input: { isUpdating: boolean; madonvi?: string; dossiers: LegacyDossier[] }): SyncOutcome {
    const book = this.bookOf(province);
    const now = new Date().toISOString();
    for (const record of input.dossiers) {
      const known = book.get(record.MaHoSo);
      if (known) {
        known.timesReceived += 1;
        known.lastReceivedAt = now;
      }
    }
    const conflict = input.dossiers.find((record) => book.has(record.MaHoSo) !== input.isUpdating);
    if (conflict) return { kind: input.isUpdating ? 'unknown' : 'exists', code: conflict.MaHoSo };
    const created: ReceivedDossier[] = [];
    for (const record of input.dossiers) {
      const known = book.get(record.MaHoSo);
      if (known) {
        known.record = record;
        known.madonvi = input.madonvi;
        continue;
      }
      const received: ReceivedDossier = {
        record,
        madonvi: input.madonvi,
        timesReceived: 1,
        status: initialStatus(record),
        firstReceivedAt: now,
        lastReceivedAt: now,
        pushes: [],
      };
      book.set(record.MaHoSo, received);
      created.push(received);
    }
    return { kind: 'applied', created };
  }

  find(province: string, code: string): ReceivedDossier | undefined {
    return this.provinces.get(province)?.get(code);
  }

  list(province: string): ReceivedDossier[] {
    return [...(this.provinces.get(province)?.values() ?? [])];
  }

  private bookOf(province: string): Map<string, ReceivedDossier> {
    let book = this.provinces.get(province);
    if (!book) {
      book = new Map();
      this.provinces.set(province, book);
    }
    return book;
  }
}
