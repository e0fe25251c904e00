import { plainToInstance, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsString, Matches, MaxLength, ValidateNested, validateSync, ValidationError } from 'class-validator';
import type { ProviderAnswer } from '../providers/provider.client';
import type { SettledPayment } from './compare-ledger';

/** The most transactions a statement of one provider's day may hold. */
const MAX_TRANSACTIONS = 1_000_000;

class StatementTransaction {
  @IsString()
  @MaxLength(100)
  MaThamChieu: string;

  @IsString()
  @MaxLength(100)
  MaGiaoDich: string;

  @Matches(/^\d{1,15}$/, { message: 'SoTien must be whole đồng in digits' })
  SoTien: string;

  @Matches(/^VND$/, { message: 'MaTienTe must be VND' })
  MaTienTe: string;

  @Matches(/^\d{14}$/, { message: 'ThoiGianGD must be a time as yyyyMMddHHmmss' })
  ThoiGianGD: string;
}

/** A provider's statement of a day (bảng kê đối soát): every transaction it settled as paid that day, Vietnamese time. */
class ProviderStatement {
  @IsString()
  MaNganHang: string;

  @Matches(/^\d{8}$/, { message: 'NgayDoiSoat must be a day as yyyyMMdd' })
  NgayDoiSoat: string;

  @IsArray()
  @ArrayMaxSize(MAX_TRANSACTIONS)
  @ValidateNested({ each: true })
  @Type(() => StatementTransaction)
  GiaoDich: StatementTransaction[];
}

const problemsOf = (errors: ValidationError[], at = ''): string[] =>
  errors.flatMap((e) => [...Object.values(e.constraints ?? {}).map((c) => `${at}${c}`), ...problemsOf(e.children ?? [], `${at}${e.property}.`)]);

export class UnreadableStatementError extends Error {}

/** The statement's payments, once it is known to be the statement of this provider's day (YYYY-MM-DD); else UnreadableStatementError. */
export function readStatement(answer: ProviderAnswer, providerCode: string, day: string): SettledPayment[] {
  const statement = plainToInstance(ProviderStatement, answer);
  const problems = problemsOf(validateSync(statement, { whitelist: true }));
  if (problems.length > 0) throw new UnreadableStatementError(`the statement is unreadable: ${problems.slice(0, 5).join('; ')}`);
  if (statement.MaNganHang !== providerCode || statement.NgayDoiSoat !== day.replaceAll('-', '')) {
    throw new UnreadableStatementError(`the statement is of ${statement.MaNganHang} on ${statement.NgayDoiSoat}, not of ${providerCode} on ${day}`);
  }
  return statement.GiaoDich.map((t) => ({ reference: t.MaThamChieu, providerTransaction: t.MaGiaoDich, amount: Number(t.SoTien) }));
}
