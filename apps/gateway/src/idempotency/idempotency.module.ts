import { Global, Module } from '@nestjs/common';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotencyStore } from './idempotency.store';
import { IdempotentCalls } from './idempotent-calls';

/** Idempotency-Key on every public POST: a retry is answered from the stored answer instead of running twice. */
@Global()
@Module({
  providers: [IdempotencyStore, IdempotentCalls, IdempotencyInterceptor],
  exports: [IdempotentCalls, IdempotencyInterceptor],
})
export class IdempotencyModule {}
