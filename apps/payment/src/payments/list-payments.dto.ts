import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** GET /payments?dossier=&page=&pageSize= */
export class ListPaymentsDto {
  /** A dossier code (mã hồ sơ). */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  dossier?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page: number = 1;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize: number = 20;
}
