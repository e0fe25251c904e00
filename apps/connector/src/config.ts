import { BooleanFromEnv, portOf } from '@lienthong/platform-config';
import { IsBoolean, IsInt, IsString, Matches, Max, Min, MinLength } from 'class-validator';

/** connector's environment: where the legacy systems are and how patiently they are retried. */
export class ConnectorEnv extends portOf(3005) {
  /** The simulated one-stop systems answer at `<base>/<province>/`. */
  @Matches(/^https?:\/\/[^\s/]+(\/\S*)?$/, { message: 'ONE_STOP_BASE_URL must be an http(s) URL' })
  ONE_STOP_BASE_URL: string = 'http://127.0.0.1:3006/one-stop';

  /** Seed of the demo systems' credentials (shared with legacy-sim); never a production secret. */
  @IsString()
  @MinLength(8)
  DEMO_SEED_SECRET: string = 'lienthong-local-demo';

  @BooleanFromEnv()
  @IsBoolean()
  CONNECTOR_SEED_DEMO_SYSTEMS: boolean = true;

  @IsInt()
  @Min(1)
  @Max(100)
  DELIVERY_MAX_ATTEMPTS: number = 12;

  @IsInt()
  @Min(1)
  DELIVERY_BACKOFF_BASE_MS: number = 500;

  @IsInt()
  @Min(1)
  DELIVERY_BACKOFF_CAP_MS: number = 60000;

  @IsInt()
  @Min(100)
  @Max(120000)
  DELIVERY_TIMEOUT_MS: number = 5000;
}
