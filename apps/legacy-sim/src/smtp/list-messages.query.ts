import { IsOptional, IsString, MaxLength } from 'class-validator';

/** Optional substring filters of GET /smtp/messages. */
export class ListMessagesQuery {
  @IsOptional()
  @IsString()
  @MaxLength(320)
  to?: string;

  @IsOptional()
  @IsString()
  @MaxLength(998)
  subject?: string;
}
