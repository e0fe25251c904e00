import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { ProviderAnswer } from '../providers/provider.client';
import { ProviderCallbackDto } from './provider-callback.dto';

/** How a provider stands on a transaction, as its QUERY answer says (TrangThaiGiaoDich). */
export type TransactionState = 'PAID' | 'FAILED' | 'PENDING' | 'NOT_FOUND';
const SETTLED: ReadonlySet<string> = new Set(['PAID', 'FAILED']);

/**
 * A QUERY answer is a callback plus the transaction's state: a settled one is read as the callback it is (and judged
 * like one, its checksum first), one still waiting or unknown names no outcome. Anything else is no answer.
 */
export type QueryAnswer = { settled: true; report: ProviderCallbackDto } | { settled: false; state: 'PENDING' | 'NOT_FOUND' } | { settled: false; state: 'unreadable'; problems: string };

export function readQueryAnswer(answer: ProviderAnswer): QueryAnswer {
  const state = answer.TrangThaiGiaoDich;
  if (state === 'PENDING' || state === 'NOT_FOUND') return { settled: false, state };
  if (typeof state !== 'string' || !SETTLED.has(state)) return { settled: false, state: 'unreadable', problems: `TrangThaiGiaoDich ${JSON.stringify(state)} is no state` };
  const fields: Record<string, unknown> = { ...answer };
  delete fields.TrangThaiGiaoDich;
  const report = plainToInstance(ProviderCallbackDto, fields);
  const errors = validateSync(report, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) return { settled: false, state: 'unreadable', problems: errors.flatMap((e) => Object.values(e.constraints ?? {})).join('; ') };
  return { settled: true, report };
}
