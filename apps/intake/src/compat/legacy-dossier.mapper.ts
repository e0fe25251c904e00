import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { LegacyDossier, legacyInteger, LegacyParsed, parseDossierCode, parseLegacyDate } from '@lienthong/domain-dossier';
import { SubmitDossierDto } from '../dossiers/submit-dossier.dto';

/** A DongBoHoSoMC record read as a registration: the canonical submission, under the record's own code. */
export interface LegacyRegistration {
  code: string;
  input: SubmitDossierDto;
  submittedAt: Date;
}

const ID_TYPE_OF_LENGTH: Record<number, 1 | 2> = { 12: 1, 9: 2 };
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
const dateAt = (record: LegacyDossier, field: string): Date | undefined => (typeof record[field] === 'string' ? parseLegacyDate(record[field] as string) : undefined);

const messagesOf = (errors: ValidationError[], prefix = ''): string[] =>
  errors.flatMap((e) => [...Object.values(e.constraints ?? {}).map((m) => `${prefix}${m}`), ...messagesOf(e.children ?? [], `${prefix}${e.property}.`)]);

/** The first citizen id of DinhDanhCHS, which carries its type; SoGiayToChuHoSo is the fallback. */
function identityOf(record: LegacyDossier): { idNumber: string; idType: number | undefined } {
  const ids = Array.isArray(record.DinhDanhCHS) ? (record.DinhDanhCHS as Record<string, unknown>[]) : [];
  const first = ids.find((id) => typeof id === 'object' && id !== null && text(id.SoDinhDanh));
  const idNumber = text(first?.SoDinhDanh) ?? text(record.SoGiayToChuHoSo) ?? '';
  return { idNumber, idType: legacyInteger(first?.LoaiDinhDanh) ?? ID_TYPE_OF_LENGTH[idNumber.length] };
}

/**
 * Reads a record a province's one-stop software registered: its code must be a Circular 01/2018 code; the agency is
 * DonViXuLy, else the call's madonvi, else the code's own; what the canonical model requires is checked as a
 * submission is.
 */
export function toRegistration(record: LegacyDossier, madonvi: string | undefined): LegacyParsed<LegacyRegistration> {
  const code = record.MaHoSo.trim();
  const parts = parseDossierCode(code);
  if (!parts) return { ok: false, message: `Hồ sơ ${code}: MaHoSo không đúng dạng <mã đơn vị>-<yyMMdd>-<số thứ tự>` };
  const { idNumber, idType } = identityOf(record);
  const plain = {
    partnerReference: code,
    procedureCode: record.MaTTHC,
    agencyCode: text(record.DonViXuLy) ?? text(madonvi) ?? parts.agencyCode,
    channel: legacyInteger(record.KenhThucHien) ?? 1,
    applicant: { name: text(record.ChuHoSo), idNumber, idType, kind: legacyInteger(record.LoaiDoiTuong) ?? 1, ...(text(record.MaDoiTuong) && { accountId: text(record.MaDoiTuong) }) },
    contact: { email: text(record.Email), phone: text(record.SoDienThoai) },
    summary: text(record.TrichYeuHoSo) ?? text(record.TenTTHC) ?? '',
  };
  const input = plainToInstance(SubmitDossierDto, plain);
  const problems = messagesOf(validateSync(input, { whitelist: true, forbidNonWhitelisted: true }));
  if (problems.length) return { ok: false, message: `Hồ sơ ${code}: ${problems.join('; ')}` };
  return { ok: true, value: { code, input, submittedAt: dateAt(record, 'NgayNopHoSo') ?? new Date() } };
}

/** NgayTiepNhan: when the record says the dossier was accepted, for a record already past acceptance. */
export const acceptedAt = (record: LegacyDossier): Date | undefined => dateAt(record, 'NgayTiepNhan');
