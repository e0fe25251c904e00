import { IsInt, Min } from 'class-validator';
import { CommonEnv, ConfigInvalidError, loadConfig, portOf } from './index';

class SampleEnv extends portOf(3000) {
  @IsInt()
  @Min(1)
  RETRIES: number = 3;
}

describe('loadConfig', () => {
  it('applies defaults and converts numbers', () => {
    const config = loadConfig(SampleEnv, { RETRIES: '5' });
    expect(config.PORT).toBe(3000);
    expect(config.RETRIES).toBe(5);
    expect(config.KAFKA_BROKERS).toBe('127.0.0.1:9092');
  });

  it('names every bad variable and never echoes its value', () => {
    let error: unknown;
    try {
      loadConfig(SampleEnv, { PORT: 'abc', DATABASE_URL: 'mysql://secret-password@db' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigInvalidError);
    const message = (error as Error).message;
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/DATABASE_URL/);
    expect(message).not.toMatch(/secret-password/);
  });

  it('accepts a broker list', () => {
    expect(loadConfig(CommonEnv, { KAFKA_BROKERS: 'a:9092,b:9092' }).KAFKA_BROKERS).toBe('a:9092,b:9092');
  });
});
