import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsString, Matches, Max, Min } from 'class-validator';

const URL_OF = (scheme: string) => new RegExp(`^${scheme}://[^\\s/]+(/\\S*)?$`);

/** Parses "true"/"false" env values; implicit conversion would turn "false" into true. */
export const BooleanFromEnv = () =>
  Transform(({ obj, key }) => {
    const raw = obj[key];
    return raw === undefined ? undefined : ['1', 'true', 'yes'].includes(String(raw).toLowerCase());
  });

/** Variables every service shares, under one name everywhere. */
export class CommonEnv {
  @Matches(URL_OF('postgres(ql)?'), { message: 'must be a postgres:// URL' })
  DATABASE_URL: string = 'postgres://postgres@127.0.0.1:5432/lienthong';

  @Matches(/^[^\s,]+:\d+(,[^\s,]+:\d+)*$/, { message: 'must be a comma-separated list of host:port' })
  KAFKA_BROKERS: string = '127.0.0.1:9092';

  @Matches(URL_OF('rediss?'), { message: 'must be a redis:// URL' })
  REDIS_URL: string = 'redis://127.0.0.1:6379';

  /** Prefix of topics and consumer groups, keeping environments on one broker apart (tests use 'test'). */
  @Matches(/^([a-z0-9-]{1,40})?$/, { message: 'KAFKA_NAMESPACE must be empty or lowercase letters, digits and dashes' })
  KAFKA_NAMESPACE: string = '';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  @IsString()
  HOST: string = '127.0.0.1';
}

export const portOf = (defaultPort: number) => {
  class WithPort extends CommonEnv {
    @IsInt({ message: 'PORT must be an integer' })
    @Min(1)
    @Max(65535)
    PORT: number = defaultPort;
  }
  return WithPort;
};
