import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ERROR_SIDES, ErrorSide } from '@lienthong/contracts';
import { PageQueryDto } from '@lienthong/platform-http';

/** A date with a time and a zone: a bare date would leave the hour to guess. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** GET /v1/operator/exchanges?system=&from=&to=&status=&errorSide=&service=&subject=&page=&pageSize= */
export class ListExchangesQuery extends PageQueryDto {
  /** The client system, e.g. VN/GOV/000.00.00.H56/MOTCUA */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  system?: string;

  /** Calls started at or after this date-time, e.g. 2026-11-23T07:00:00Z */
  @IsOptional()
  @Matches(DATE_TIME, { message: 'from must be an ISO 8601 date-time with a zone, e.g. 2026-11-23T07:00:00Z' })
  @IsISO8601({ strict: true })
  from?: string;

  /** Calls started before this date-time. */
  @IsOptional()
  @Matches(DATE_TIME, { message: 'to must be an ISO 8601 date-time with a zone, e.g. 2026-11-23T08:00:00Z' })
  @IsISO8601({ strict: true })
  to?: string;

  /** The HTTP status answered. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(599)
  status?: number;

  @IsOptional()
  @IsIn(ERROR_SIDES, { message: `errorSide must be one of ${ERROR_SIDES.join(', ')}` })
  errorSide?: ErrorSide;

  /** A service name, e.g. dossier.submit */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  service?: string;

  /** What the call was about: a dossier code, e.g. 000.00.06.H56-261123-0001 */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  subject?: string;
}
