import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '@lienthong/platform-http';
import { DELIVERY_STATUSES, DeliveryStatus } from './delivery.entity';

/** GET /deliveries?status=&system=&subject=&page=&pageSize= */
export class ListDeliveriesQuery extends PageQueryDto {
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;

  /** A system code, e.g. VN/GOV/000.00.00.H56/MOTCUA */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  system?: string;

  /** A dossier code. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  subject?: string;
}
