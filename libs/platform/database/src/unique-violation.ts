import { QueryFailedError } from 'typeorm';

/** True when PostgreSQL refused a row because of a unique constraint (SQLSTATE 23505). */
export const isUniqueViolation = (error: unknown, constraint?: string): boolean =>
  error instanceof QueryFailedError &&
  (error.driverError as { code?: string; constraint?: string }).code === '23505' &&
  (constraint === undefined || (error.driverError as { constraint?: string }).constraint === constraint);
