import { IsInt, IsNotEmpty, IsString, Matches, Max, Min } from 'class-validator';
import { portOf } from '@lienthong/platform-config';

/** notification's environment: the shared variables, the SMTP relay and the retry policy of the sender. */
export class NotificationEnv extends portOf(3004) {
  /** May carry credentials (smtp://user:pass@host:port): never logged. */
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL: string = 'smtp://127.0.0.1:2525';

  @IsString()
  @IsNotEmpty()
  MAIL_FROM: string = 'Cổng Dịch vụ công <no-reply@dichvucong.gov.vn>';

  @IsInt()
  @Min(1)
  @Max(100)
  NOTIFY_MAX_ATTEMPTS: number = 8;

  @IsInt()
  @Min(1)
  NOTIFY_BACKOFF_BASE_MS: number = 1000;

  @IsInt()
  @Min(1)
  NOTIFY_BACKOFF_CAP_MS: number = 300000;

  /** Senders at work at the same time, and pooled SMTP connections: each sender claims up to 16 due e-mails at a time. */
  @IsInt()
  @Min(1)
  @Max(32)
  NOTIFY_CONCURRENCY: number = 4;
}
