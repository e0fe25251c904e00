import { applyDecorators, Post, UseInterceptors } from '@nestjs/common';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/**
 * Every public POST route is declared with this instead of @Post: it honours Idempotency-Key. Applied per route rather
 * than as a global interceptor, because a global one costs every GET ~60 µs of CPU for nothing (bench/gateway);
 * idempotent-post.spec.ts refuses a public POST route declared without it.
 */
export const IdempotentPost = (path?: string | string[]) => applyDecorators(Post(path), UseInterceptors(IdempotencyInterceptor));
