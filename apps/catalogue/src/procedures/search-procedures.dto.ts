import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '@lienthong/platform-http';

/** Query of GET /procedures. */
export class SearchProceduresDto extends PageQueryDto {
  /** Words of the name (with or without diacritics) or the code, any case. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  /** One of the levels a procedure is handled at, e.g. PROVINCE or WARD (any case). */
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.toUpperCase() : value))
  @Matches(/^[A-Z_]{1,40}$/, { message: 'level must be a level name such as PROVINCE, WARD or MINISTRY' })
  level?: string;

  /** An agency's code (G02, UBNDCT) or words of its name: promulgating, competent or implementing. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  agency?: string;

  /** A field's code (G02-CT19) or words of its name (lĩnh vực). */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  field?: string;
}
