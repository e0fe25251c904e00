import { IsBoolean } from 'class-validator';

export class SetStatusPushDto {
  @IsBoolean()
  enabled: boolean;
}
