import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { NOTIFICATION_CHANNELS, NotificationChannel } from '../notifications/notification.entity';
import { TEMPLATE_KEYS } from './template-fields';

/** Which template: its key, channel and the submission channel it is worded for (0, or none: any). */
export class TemplateAddressDto {
  @IsIn(TEMPLATE_KEYS, { message: `template must be one of ${TEMPLATE_KEYS.join(', ')}` })
  template: string;

  @IsIn(NOTIFICATION_CHANNELS, { message: `channel must be one of ${NOTIFICATION_CHANNELS.join(', ')}` })
  channel: NotificationChannel;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3)
  submissionChannel: 0 | 1 | 2 | 3 = 0;
}

/** POST /templates: a new version; POST /templates/preview: a draft or the version in use, filled in for an example dossier. */
export class TemplateDraftDto extends TemplateAddressDto {
  /** An e-mail's subject; an SMS's registered brand-name template id. */
  @IsString()
  @MaxLength(200)
  subject: string;

  /** An e-mail's body lines, an SMS's parts; `#Field` placeholders. */
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(1000, { each: true })
  lines: string[];
}

export class PreviewDto extends TemplateAddressDto {
  @IsOptional()
  @IsString()
  @MaxLength(200)
  subject?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(1000, { each: true })
  lines?: string[];
}
