import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '@lienthong/platform-http';
import { NOTIFICATION_CHANNELS, NOTIFICATION_STATUSES, NotificationChannel, NotificationStatus } from './notification.entity';

/** GET /notifications?dossier=&status=&channel=&page=&pageSize= */
export class ListNotificationsDto extends PageQueryDto {
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
  @IsIn(NOTIFICATION_CHANNELS, { message: `channel must be one of ${NOTIFICATION_CHANNELS.join(', ')}` })
  channel?: NotificationChannel;
}
