import { IsDateString, IsOptional, IsString, MaxLength, ValidateBy } from 'class-validator';

/** A status as systems report it: a number 1–10, or a word of at most 40 characters ("processing", "4"). */
export const IsReportedStatus = () =>
  ValidateBy({
    name: 'isReportedStatus',
    validator: {
      validate: (value: unknown) =>
        (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 10) || (typeof value === 'string' && /^[\p{L}\p{N}_.-]{1,40}$/u.test(value.trim())),
      defaultMessage: () => 'status must be a number 1–10 or a status word of at most 40 letters, digits, "_", "." or "-"',
    },
  });

/** A status reported by the processing system. */
export class UpdateStatusDto {
  @IsReportedStatus()
  status: number | string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;

  /** When the status changed in the reporting system; defaults to now. */
  @IsOptional()
  @IsDateString({ strict: true })
  occurredAt?: string;
}
