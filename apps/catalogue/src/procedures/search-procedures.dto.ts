import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

/** Query of GET /procedures. */
export class SearchProceduresDto {
  /** Part of the name or the code, any case. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  /** One of the levels a procedure is handled at, e.g. PROVINCE or WARD (any case). */
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.toUpperCase() : value))
  @Matches(/^[A-Z_]{1,40}$/, { message: 'level must be a level name such as PROVINCE, WARD or MINISTRY' })
  level?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  page: number = 1;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  size: number = 20;
}
