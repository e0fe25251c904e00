import { IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, Min, ValidateIf } from 'class-validator';
import { MAX_SHIPPED_RECORDS } from '@lienthong/contracts';
import { BooleanFromEnv, portOf } from '@lienthong/platform-config';

const HTTP_URL = /^https?:\/\/[^\s/]+$/;

export class GatewayEnv extends portOf(3000) {
  @Matches(HTTP_URL, { message: 'INTAKE_URL must be an http(s) origin without a path' })
  INTAKE_URL: string = 'http://127.0.0.1:3002';

  @Matches(HTTP_URL, { message: 'CATALOGUE_URL must be an http(s) origin without a path' })
  CATALOGUE_URL: string = 'http://127.0.0.1:3001';

  @Matches(HTTP_URL, { message: 'PAYMENT_URL must be an http(s) origin without a path' })
  PAYMENT_URL: string = 'http://127.0.0.1:3003';

  @Matches(HTTP_URL, { message: 'NOTIFICATION_URL must be an http(s) origin without a path' })
  NOTIFICATION_URL: string = 'http://127.0.0.1:3004';

  /** The connector, through which calls of legacy systems' services (/v1/systems/…/services/…) are made. */
  @Matches(HTTP_URL, { message: 'CONNECTOR_URL must be an http(s) origin without a path' })
  CONNECTOR_URL: string = 'http://127.0.0.1:3005';

  @IsInt()
  @Min(100)
  @Max(120000)
  UPSTREAM_TIMEOUT_MS: number = 10000;

  /** Requests per second per client system before 429. */
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_SECOND: number = 200;

  /** Requests per client system per calendar day (Asia/Ho_Chi_Minh) before 429. */
  @IsInt()
  @Min(1)
  DAILY_REQUEST_CAP: number = 2000000;

  /** How long a credential lookup is reused: a revoked key is refused within this time. */
  @IsInt()
  @Min(0)
  @Max(5000)
  CREDENTIAL_CACHE_MS: number = 2000;

  /** Exchange records waiting in memory for Kafka; beyond this the oldest are dropped (and counted). */
  @IsInt()
  @Min(100)
  @Max(1000000)
  EXCHANGE_BUFFER_SIZE: number = 20000;

  /**
   * Whether this instance stores the exchange records of every instance (exchange.recorded.v1 into the operators'
   * table and the audit log). At least one instance must; edge instances under heavy load can leave it to others.
   */
  @BooleanFromEnv()
  @IsBoolean()
  EXCHANGE_RECORDS_STORE: boolean = true;

  /** Exchange records shipped in one message (exchange.records-shipped.v1): one goes as soon as this many wait. */
  @IsInt()
  @Min(1)
  @Max(MAX_SHIPPED_RECORDS)
  EXCHANGE_FLUSH_BATCH: number = 300;

  /**
   * How long exchange records linger after the last send before a batch smaller than EXCHANGE_FLUSH_BATCH goes. The
   * broker spends 0.3–0.7 ms of CPU on a produce request however small: sending whenever the last batch is
   * acknowledged kept it half a core busy. Ten requests a second cost it about 2 % of a core.
   */
  @IsInt()
  @Min(1)
  @Max(10000)
  EXCHANGE_FLUSH_INTERVAL_MS: number = 100;

  /** How long the answer to a request with an Idempotency-Key is replayed to retries. */
  @IsInt()
  @Min(60)
  @Max(604800)
  IDEMPOTENCY_TTL_SECONDS: number = 86400;

  /** How often the head of the audit hash chain is anchored and published as audit.anchored.v1. */
  @IsInt()
  @Min(100)
  @Max(86400000)
  AUDIT_ANCHOR_INTERVAL_MS: number = 60000;

  /** `iss` of the access tokens the gateway issues (POST /oauth/token) and accepts. */
  @Matches(/^https?:\/\/\S+$/, { message: 'GATEWAY_TOKEN_ISSUER must be an http(s) URL' })
  GATEWAY_TOKEN_ISSUER: string = 'https://gateway.lienthong.local';

  /** Lifetime of an access token: also how long a retired signing key stays published. */
  @IsInt()
  @Min(1)
  @Max(3600)
  GATEWAY_TOKEN_TTL_SECONDS: number = 300;

  /** Clock skew tolerated between instances when checking a token's exp and nbf. */
  @IsInt()
  @Min(0)
  @Max(60)
  GATEWAY_TOKEN_CLOCK_TOLERANCE_SECONDS: number = 5;

  /** How often every instance reloads the signing keys, so a rotation on one instance is honoured by all. */
  @IsInt()
  @Min(100)
  @Max(60000)
  GATEWAY_SIGNING_KEY_RELOAD_MS: number = 3000;

  /**
   * AES-256-GCM key (base64 of 32 bytes) sealing the signing keys' private halves in the database. The default is a
   * public demo value: replace it in production, and keep it out of logs.
   */
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'GATEWAY_KEY_ENCRYPTION_KEY must be the base64 of 32 random bytes' })
  GATEWAY_KEY_ENCRYPTION_KEY: string = 'u8SDy0PjOsJ0Ezq9bybZ1y0vN8Jk5M6jTqUeSe0Lc0M=';

  /**
   * PEM files of the certificate (with its intermediates) and private key the gateway serves HTTPS with. Unset, it
   * serves plain HTTP, for TLS that ends in front of it.
   */
  @ValidateIf((env: GatewayEnv) => env.GATEWAY_TLS_KEY_FILE !== undefined || env.GATEWAY_TLS_CLIENT_CA_FILE !== undefined)
  @IsNotEmpty({ message: 'GATEWAY_TLS_CERT_FILE must be set with GATEWAY_TLS_KEY_FILE and GATEWAY_TLS_CLIENT_CA_FILE' })
  GATEWAY_TLS_CERT_FILE?: string;

  @ValidateIf((env: GatewayEnv) => env.GATEWAY_TLS_CERT_FILE !== undefined)
  @IsNotEmpty({ message: 'GATEWAY_TLS_KEY_FILE must be set with GATEWAY_TLS_CERT_FILE' })
  GATEWAY_TLS_KEY_FILE?: string;

  /** PEM file of the CAs that issue client certificates: set, systems may also authenticate by mutual TLS. */
  @IsOptional()
  @IsNotEmpty({ message: 'GATEWAY_TLS_CLIENT_CA_FILE must name a file' })
  GATEWAY_TLS_CLIENT_CA_FILE?: string;

  @BooleanFromEnv()
  GATEWAY_SEED_DEMO_CLIENTS: boolean = true;

  @IsString()
  DEMO_SEED_SECRET: string = 'lienthong-local-demo';
}
