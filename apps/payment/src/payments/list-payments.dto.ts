import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '@lienthong/platform-http';

/** GET /payments?dossier=&page=&pageSize= */
export class ListPaymentsDto extends PageQueryDto {
  /** A dossier code (mã hồ sơ). */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  dossier?: string;
}
