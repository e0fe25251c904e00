import type { SchemaObject } from 'ajv';

/** One event type: its versioned topic, CloudEvents type, JSON Schema and a valid example payload. */
export interface EventContract<T> {
  readonly topic: string;
  readonly type: string;
  readonly partitions: number;
  readonly schema: SchemaObject;
  readonly example: T;
}

export const defineEvent = <T>(contract: EventContract<T>): EventContract<T> => contract;

/** Payload type carried by a contract. */
export type PayloadOf<C> = C extends EventContract<infer T> ? T : never;

export const string = (extra: Record<string, unknown> = {}) => ({ type: 'string', minLength: 1, ...extra });
export const dateTime = { type: 'string', format: 'date-time' };
export const integer = (extra: Record<string, unknown> = {}) => ({ type: 'integer', ...extra });
export const dossierStatus = integer({ minimum: 1, maximum: 10 });
export const object = (properties: Record<string, unknown>, required: string[] = Object.keys(properties)) => ({
  type: 'object',
  properties,
  required,
  additionalProperties: true,
});
