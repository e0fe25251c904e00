import type { InjectionToken, Provider } from '@nestjs/common';
import { READINESS_CHECKS, ReadinessCheck } from './readiness';

/** Collects an app's readiness checks (by their injection tokens) for the HealthController. */
export const readinessChecks = (...tokens: InjectionToken[]): Provider => ({
  provide: READINESS_CHECKS,
  useFactory: (...checks: ReadinessCheck[]) => checks,
  inject: tokens,
});
