import { IsArray, IsInt, IsNotEmpty, IsString, Matches, Max, Min } from 'class-validator';
import { portOf } from '@lienthong/platform-config';
import { Transform } from 'class-transformer';

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

  /** The HTTP SMS gateway (brand-name SMS) messages are sent through (legacy-sim plays it). */
  @Matches(/^https?:\/\/[^\s/]+(\/\S*)?$/, { message: 'SMS_GATEWAY_URL must be an http(s) URL' })
  SMS_GATEWAY_URL: string = 'http://127.0.0.1:3006/sms';

  /** The brand name SMS are sent under, as registered with the carriers. */
  @Matches(/^[A-Za-z0-9 .-]{1,11}$/, { message: 'SMS_BRAND_NAME must be 1–11 letters, digits, spaces, "." or "-"' })
  SMS_BRAND_NAME: string = 'DICHVUCONG';

  /** Messages one recipient may be sent on one channel within NOTIFY_RECIPIENT_WINDOW_MS; more wait for the window to pass. */
  @IsInt()
  @Min(1)
  NOTIFY_RECIPIENT_LIMIT: number = 20;

  @IsInt()
  @Min(1000)
  NOTIFY_RECIPIENT_WINDOW_MS: number = 3600000;

  /**
   * Messages not to make, comma-separated: `<template>:<channel>` (dossier.status-changed.4:SMS), or with a submission
   * channel (1 counter, 2 online, 3 post) for the dossiers submitted that way (dossier.submitted:SMS:1).
   */
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : value))
  @IsArray()
  @Matches(/^[a-z.-]+(\.\d+)?:(EMAIL|SMS)(:[123])?$/, { each: true, message: 'NOTIFY_SWITCHED_OFF must list <template>:<EMAIL|SMS>[:<1|2|3>]' })
  NOTIFY_SWITCHED_OFF: string[] = [];
}
