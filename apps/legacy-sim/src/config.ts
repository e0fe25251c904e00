import { IsInt, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { portOf } from '@lienthong/platform-config';

/** legacy-sim's environment. It has no database or Kafka of its own: the shared variables it inherits go unused. */
export class LegacySimEnv extends portOf(3006) {
  @IsInt({ message: 'SMTP_PORT must be an integer' })
  @Min(1)
  @Max(65535)
  SMTP_PORT: number = 2525;

  /** Where the simulated provinces push dossier statuses, as real one-stop software does: through the gateway. */
  @Matches(/^https?:\/\/[^\s/]+$/, { message: 'GATEWAY_URL must be an http(s) origin without a path, e.g. http://127.0.0.1:3000' })
  GATEWAY_URL: string = 'http://127.0.0.1:3000';

  /** Where people reach legacy-sim: the simulated providers' payment pages are under it. */
  @Matches(/^https?:\/\/[^\s/]+$/, { message: 'LEGACY_SIM_PUBLIC_URL must be an http(s) origin without a path, e.g. http://127.0.0.1:3006' })
  LEGACY_SIM_PUBLIC_URL: string = 'http://127.0.0.1:3006';

  /** Seed of the demo credentials the gateway and payment also derive (session passwords, API keys, providers' keys). */
  @IsString()
  @MinLength(8)
  DEMO_SEED_SECRET: string = 'lienthong-local-demo';

  /** How long a simulated province takes before it accepts a new dossier. */
  @IsInt()
  @Min(0)
  STATUS_PUSH_DELAY_MS: number = 100;

  @IsInt()
  @Min(1)
  @Max(1000)
  PUSH_MAX_ATTEMPTS: number = 20;
}
