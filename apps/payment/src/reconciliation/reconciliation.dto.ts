import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import { PageQueryDto } from '@lienthong/platform-http';

const PROVIDER_CODE = /^[A-Z0-9]{2,20}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** POST /reconciliations: reconcile a provider's day now. */
export class ReconcileDto {
  @Matches(PROVIDER_CODE, { message: 'provider must be a provider code such as VCB or VNPAY' })
  provider: string;

  @Matches(DAY, { message: 'date must be a day as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'date must be a day of the calendar' })
  date: string;
}

/** GET /reconciliations?provider=&date=&page=&pageSize= */
export class ListReconciliationsDto extends PageQueryDto {
  /** A provider's system id. */
  @IsOptional()
  @Matches(/^[A-Z]{2,8}\/[A-Z]{2,8}\/[0-9A-Z.]{1,40}\/[A-Z0-9_-]{1,40}$/, { message: 'provider must be a system id' })
  provider?: string;

  @IsOptional()
  @Matches(DAY, { message: 'date must be a day as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'date must be a day of the calendar' })
  date?: string;
}

/** GET /reconciliations/:id/mismatches?kind=&page=&pageSize= */
export class ListMismatchesDto extends PageQueryDto {
  @IsOptional()
  @IsIn(['missing', 'extra', 'amount-differs'], { message: 'kind must be missing, extra or amount-differs' })
  kind?: 'missing' | 'extra' | 'amount-differs';
}
