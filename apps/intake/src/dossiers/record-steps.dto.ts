import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDateString, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { IsReportedStatus } from './update-status.dto';

/** One processing step (the fields of CapNhatTienDoHoSoMC, in the canonical vocabulary). */
export class ProcessingStepDto {
  /** NguoiXuLy */
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  handler: string;

  /** ChucDanh */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  position?: string;

  /** PhongBanXuLy */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  department?: string;

  /** NoiDungXuLy */
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  content: string;

  /** TrangThai: the dossier's status after the step, when the step changed it. */
  @IsOptional()
  @IsReportedStatus()
  status?: number | string;

  /** ThoiDiemXuLy */
  @IsDateString({ strict: true })
  occurredAt: string;

  /** NgayBatDau */
  @IsOptional()
  @IsDateString({ strict: true })
  startedAt?: string;

  /** NgayKetThucTheoQuyDinh */
  @IsOptional()
  @IsDateString({ strict: true })
  dueAt?: string;
}

/** Steps of one dossier, in chunks as the one-stop systems send them. */
export class RecordStepsDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ProcessingStepDto)
  steps: ProcessingStepDto[];
}
