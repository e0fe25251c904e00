import { Inject, Injectable, OnApplicationShutdown, Provider } from '@nestjs/common';
import Redis from 'ioredis';
import { ReadinessCheck } from '@lienthong/platform-health';
import { GatewayEnv } from './config';

export const REDIS = Symbol('REDIS');

/** Keys of one deployment (its namespace, as for Kafka topics), so that several sharing a Redis never share a quota. */
export const redisKey = (config: GatewayEnv, ...parts: string[]): string => ['lienthong', config.KAFKA_NAMESPACE, ...parts].filter((part) => part !== '').join(':');

export const redisProvider: Provider = {
  provide: REDIS,
  inject: [GatewayEnv],
  useFactory: (config: GatewayEnv) => new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000, enableAutoPipelining: true }),
};

@Injectable()
export class RedisReadiness implements ReadinessCheck, OnApplicationShutdown {
  readonly name = 'redis';
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async check(): Promise<void> {
    await this.redis.ping();
  }

  async onApplicationShutdown(): Promise<void> {
    // quit() waits for a reply that never comes while Redis is unreachable: then drop the connection
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
