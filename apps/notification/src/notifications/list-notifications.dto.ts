import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { NOTIFICATION_STATUSES, NotificationStatus } from './notification.entity';

/** GET /notifications?dossier=&status=&page=&pageSize= */
export class ListNotificationsDto {
  /** A dossier code (mã hồ sơ). */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  dossier?: string;

  @IsOptional()
  @IsIn(NOTIFICATION_STATUSES, { message: `status must be one of ${NOTIFICATION_STATUSES.join(', ')}` })
  status?: NotificationStatus;

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
