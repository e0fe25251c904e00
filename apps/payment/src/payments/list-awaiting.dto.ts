import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '@lienthong/platform-http';

/** GET /fees-awaiting-procedure?procedure=&page=&pageSize= */
export class ListAwaitingDto extends PageQueryDto {
  /** A procedure code (mã TTHC). */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  procedure?: string;
}
