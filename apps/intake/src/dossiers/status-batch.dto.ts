import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNotEmpty, IsString, MaxLength, ValidateNested } from 'class-validator';
import { UpdateStatusDto } from './update-status.dto';

/** The most reports one batch may hold. */
const STATUS_BATCH_LIMIT = 500;

/** A status report of the dossier it names. */
export class DossierStatusReportDto extends UpdateStatusDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  code: string;
}

/** Status reports a processing system gathered, judged in one transaction in the order given. */
export class DossierStatusBatchDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(STATUS_BATCH_LIMIT)
  @ValidateNested({ each: true })
  @Type(() => DossierStatusReportDto)
  reports: DossierStatusReportDto[];
}
