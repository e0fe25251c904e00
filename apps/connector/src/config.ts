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

  /** How long one delivery attempt may take, the login included. */
  @IsInt()
  @Min(100)
  @Max(120000)
  DELIVERY_TIMEOUT_MS: number = 5000;

  /**
   * How long a client's call of a legacy service may take, the login included, for a system without a limit of its own
   * (systems.call_timeout_ms). Keep it under the gateway's UPSTREAM_TIMEOUT_MS, so that the client hears which system was slow.
   */
  @IsInt()
  @Min(100)
  @Max(60000)
  SERVICE_CALL_TIMEOUT_MS: number = 5000;

  /** A system's circuit opens when more than this share of its calls (in percent) failed within BREAKER_WINDOW_MS… */
  @IsInt()
  @Min(1)
  @Max(100)
  BREAKER_ERROR_PERCENT: number = 50;

  /** …and at least this many calls were made in the window, so that one failure of a quiet system opens nothing. */
  @IsInt()
  @Min(1)
  BREAKER_MIN_CALLS: number = 5;

  @IsInt()
  @Min(1000)
  @Max(600000)
  BREAKER_WINDOW_MS: number = 10000;

  /** How long an open circuit refuses calls before it lets one trial call through. */
  @IsInt()
  @Min(100)
  @Max(3600000)
  BREAKER_RESET_MS: number = 30000;
}
