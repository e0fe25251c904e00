import { IsDateString, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** A status reported by the processing system. */
export class UpdateStatusDto {
  @IsInt()
  @Min(1)
  @Max(10)
  status: number;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;

  /** When the status changed in the reporting system; defaults to now. */
  @IsOptional()
  @IsDateString({ strict: true })
  occurredAt?: string;
}
