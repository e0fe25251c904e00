import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { BooleanFromEnv, portOf } from '@lienthong/platform-config';

const HTTP_URL = /^https?:\/\/[^\s/]+$/;

export class GatewayEnv extends portOf(3000) {
  @Matches(HTTP_URL, { message: 'INTAKE_URL must be an http(s) origin without a path' })
  INTAKE_URL: string = 'http://127.0.0.1:3002';

  @Matches(HTTP_URL, { message: 'CATALOGUE_URL must be an http(s) origin without a path' })
  CATALOGUE_URL: string = 'http://127.0.0.1:3001';

  @IsInt()
  @Min(100)
  @Max(120000)
  UPSTREAM_TIMEOUT_MS: number = 10000;

  /** Requests per second per client system before 429. */
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_SECOND: number = 200;

  /** How long a credential lookup is reused: a revoked key is refused within this time. */
  @IsInt()
  @Min(0)
  @Max(5000)
  CREDENTIAL_CACHE_MS: number = 2000;

  @BooleanFromEnv()
  GATEWAY_SEED_DEMO_CLIENTS: boolean = true;

  @IsString()
  DEMO_SEED_SECRET: string = 'lienthong-local-demo';
}
