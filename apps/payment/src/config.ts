import { IsBoolean, IsInt, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { BooleanFromEnv, portOf } from '@lienthong/platform-config';

/** payment's environment: where the providers answer, whom they know the portal as, how long an attempt may wait. */
export class PaymentEnv extends portOf(3003) {
  /** The simulated providers answer at `<base>/<provider code>/` (legacy-sim); production providers are configured one by one. */
  @Matches(/^https?:\/\/[^\s/]+(\/\S*)?$/, { message: 'PAYMENT_PROVIDER_BASE_URL must be an http(s) URL' })
  PAYMENT_PROVIDER_BASE_URL: string = 'http://127.0.0.1:3006/providers';

  /** MaDoiTac: the partner code every provider knows the portal by. */
  @Matches(/^[A-Z0-9_]{2,30}$/, { message: 'PAYMENT_PARTNER_CODE must be 2–30 capital letters, digits or "_"' })
  PAYMENT_PARTNER_CODE: string = 'LIENTHONG';

  /** Seed of the demo providers' signing keys (shared with legacy-sim); never a production secret. */
  @IsString()
  @MinLength(8)
  DEMO_SEED_SECRET: string = 'lienthong-local-demo';

  /** How long a provider may take to answer a message (INIT, QUERY, GET_BILL) or hand over a statement. */
  @IsInt()
  @Min(100)
  @Max(60000)
  PAYMENT_PROVIDER_TIMEOUT_MS: number = 5000;

  /** How long an attempt waits for its outcome before it expires (money that still comes is taken all the same). */
  @IsInt()
  @Min(1000)
  PAYMENT_ATTEMPT_TTL_MS: number = 15 * 60000;

  /** An attempt still without its provider's word this long after it began is looked up (QUERY)… */
  @IsInt()
  @Min(100)
  PAYMENT_QUERY_AFTER_MS: number = 2 * 60000;

  /** …and again at most this often, until the provider names its outcome or the attempt expires. */
  @IsInt()
  @Min(100)
  PAYMENT_QUERY_EVERY_MS: number = 60000;

  /** Whether each provider's previous day is reconciled against its statement every day. */
  @BooleanFromEnv()
  @IsBoolean()
  PAYMENT_RECONCILE_DAILY: boolean = true;

  /** The hour (Vietnamese time, 0–23) from which the previous day is reconciled: providers publish their statements overnight. */
  @IsInt()
  @Min(0)
  @Max(23)
  PAYMENT_RECONCILE_AFTER_HOUR: number = 1;
}
