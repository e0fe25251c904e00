import { IsOptional, IsString, MaxLength } from 'class-validator';

/** POST /oauth/token (RFC 6749 §4.4.2), as a form, or as JSON. The field names are the protocol's. */
export class TokenRequestDto {
  @IsString()
  @MaxLength(64)
  grant_type: string;

  /** The system id; with client_secret, the alternative to HTTP Basic authentication (RFC 6749 §2.3.1). */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  client_id?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  client_secret?: string;

  /** Accepted and not used: what a token allows comes from the system's grants in the registry. */
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  scope?: string;
}
