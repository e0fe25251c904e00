import { PROBLEM_CONTENT_TYPE } from '@lienthong/platform-http';
import { Permission } from '../registry/permissions';
import * as ex from './openapi.examples';
import { Example } from './openapi.examples';
import { JsonSchema, ref } from './openapi.schemas';

/** The building blocks of the OpenAPI document: its types, and the operations of the guarded /v1 routes. */
export type Method = 'get' | 'post' | 'delete';
export type ProblemName = keyof typeof ex.problems;
export type Ref = { $ref: string };

export interface MediaType {
  schema: JsonSchema;
  examples?: Record<string, Example>;
}
export interface Response {
  description: string;
  headers?: Record<string, Ref>;
  content?: Record<string, MediaType>;
}
export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  description?: string;
  schema: JsonSchema;
}
export interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  security?: Record<string, string[]>[];
  parameters?: (Parameter | Ref)[];
  requestBody?: { required: boolean; content: Record<string, MediaType> };
  responses: Record<string, Response | Ref>;
}
export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  tags: { name: string; description: string }[];
  paths: Record<string, Partial<Record<Method, Operation>>>;
  components: Record<string, Record<string, unknown>>;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'The request is invalid',
  401: 'No valid credentials',
  403: 'No grant covers this call',
  404: 'Not found',
  409: 'Conflict with the current state',
  413: 'The body is too large',
  415: 'The body is not JSON',
  422: 'Well-formed but not acceptable',
  429: 'Over the rate limit',
  502: 'The providing service is unavailable',
  503: 'The providing system is refused for a while after repeated failures',
  504: 'The providing service did not answer in time',
};

export const header = (name: string): Ref => ({ $ref: `#/components/headers/${name}` });
export const param = (name: string): Ref => ({ $ref: `#/components/parameters/${name}` });
const RATE_LIMIT_HEADERS = { 'RateLimit-Limit': header('RateLimit-Limit'), 'RateLimit-Remaining': header('RateLimit-Remaining'), 'RateLimit-Reset': header('RateLimit-Reset') };
export const json = (schema: string, examples: Record<string, Example>): Record<string, MediaType> => ({ 'application/json': { schema: ref(schema), examples } });
export const body = (schema: string, example: Example) => ({ required: true, content: json(schema, { [schema]: example }) });

/** The problems an operation can answer, grouped by status into one response each, with every example. */
export function problemResponses(names: ProblemName[]): Record<string, Response> {
  const byStatus: Record<string, Response> = {};
  for (const name of names) {
    const example = ex.problems[name];
    const status = String(example.value.status);
    byStatus[status] ??= { description: STATUS_TEXT[example.value.status], content: { [PROBLEM_CONTENT_TYPE]: { schema: ref('Problem'), examples: {} } } };
    byStatus[status].content![PROBLEM_CONTENT_TYPE].examples![name] = example;
  }
  if (names.includes('keyInFlight')) byStatus['409'].headers = { 'Retry-After': header('Retry-After') };
  if (byStatus['429']) byStatus['429'].headers = { 'Retry-After': header('Retry-After'), ...RATE_LIMIT_HEADERS };
  if (byStatus['503']) byStatus['503'].headers = { 'Retry-After': header('Retry-After') };
  return byStatus;
}

export interface GuardedOperation {
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  permission: Permission;
  parameters?: (Parameter | Ref)[];
  requestBody?: Operation['requestBody'];
  /** Success answers by status: what the route itself answers, in JSON (schema) or another media type (content). */
  answers: Record<string, { description: string; schema?: string; examples?: Record<string, Example>; content?: Record<string, MediaType>; headers?: Record<string, Ref> }>;
  problems?: ProblemName[];
  /** Forwarded to a providing service, which can fail on its own (502/504). */
  proxied?: boolean;
}

/**
 * An operation behind GrantGuard under /v1: any of the four credentials, the grant it needs, the quota and exchange
 * record headers on every answer, Idempotency-Key on POST, and the refusals every such route can answer.
 */
export function guarded(method: Method, op: GuardedOperation): Operation {
  const post = method === 'post';
  const common: Record<string, Ref> = { 'X-Lienthong-Exchange-Id': header('X-Lienthong-Exchange-Id'), ...RATE_LIMIT_HEADERS };
  const responses: Record<string, Response> = {};
  for (const [status, answer] of Object.entries(op.answers)) {
    responses[status] = {
      description: answer.description,
      headers: { ...common, ...(post ? { 'Idempotent-Replayed': header('Idempotent-Replayed') } : {}), ...answer.headers },
      ...(answer.schema ? { content: json(answer.schema, answer.examples ?? {}) } : answer.content ? { content: answer.content } : {}),
    };
  }
  const problems: ProblemName[] = [
    'missingCredentials',
    'invalidCredentials',
    'notGranted',
    'rateLimited',
    ...(op.parameters?.length || op.requestBody ? (['validation'] as const) : []),
    ...(op.requestBody ? (['unsupportedMediaType', 'payloadTooLarge'] as const) : []),
    ...(post ? (['keyInFlight', 'keyReused'] as const) : []),
    ...(op.proxied ? (['upstreamUnavailable', 'upstreamTimeout'] as const) : []),
    ...(op.problems ?? []),
  ];
  return {
    operationId: op.operationId,
    summary: op.summary,
    description: `${op.description ? `${op.description}\n\n` : ''}Needs a grant of \`${op.permission}\`.`,
    tags: [op.tag],
    security: [{ apiKey: [] }, { oauth2: [] }, { bearerToken: [] }, { mutualTLS: [] }],
    parameters: [...(op.parameters ?? []), ...(op.proxied ? [param('ActingUser')] : []), ...(post ? [param('IdempotencyKey')] : [])],
    ...(op.requestBody ? { requestBody: op.requestBody } : {}),
    responses: { ...responses, ...problemResponses(problems) },
  };
}

