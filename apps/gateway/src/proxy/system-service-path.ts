import { formatSystemId, isServiceCode, parseSystemId, SERVICE_CODE } from '@lienthong/domain-registry';
import { serviceScope } from '../registry/grant-scope';
import { SYSTEM_ID_PARTS } from '../registry/operator-registry.dto';
import type { RouteParams } from './route-matcher';

const whole = (source: string) => new RegExp(`^${source}$`);
/** A segment after the service: anything but a dot segment, which could climb out of the service's path. */
const PATH_SEGMENT = /^(?!\.{1,2}$).{1,200}$/s;

/** What each part of a call's path must be, and how a refusal says it. */
const RULES: [name: keyof typeof SYSTEM_ID_PARTS | 'service', pattern: RegExp, message: string][] = [
  ['instance', whole(SYSTEM_ID_PARTS.instance), 'instance must be an X-Road instance such as VN'],
  ['memberClass', whole(SYSTEM_ID_PARTS.memberClass), 'memberClass must be a member class such as GOV or COM'],
  ['memberCode', whole(SYSTEM_ID_PARTS.memberCode), 'memberCode must be a member code such as 000.00.00.H56'],
  ['subsystem', whole(SYSTEM_ID_PARTS.subsystem), 'subsystem must be a subsystem code such as MOTCUA'],
  ['service', SERVICE_CODE, 'service must be a service code such as tra-cuu-ho-so'],
];

/** The provider a call of a legacy system's service names by its four id parts (X-Road's REST form). */
export const providerOf = ({ params }: RouteParams): string =>
  formatSystemId({ instance: params.instance, memberClass: params.memberClass, memberCode: params.memberCode, subsystem: params.subsystem });

/** The provider's service a call names, as grants scope it; undefined when the path names no system and service. */
export function calledService(call: RouteParams): string | undefined {
  const provider = providerOf(call);
  return parseSystemId(provider) && isServiceCode(call.params.service) ? serviceScope({ provider, service: call.params.service }) : undefined;
}

/** What is wrong with the path of a service call: …/services/tra-cuu-ho-so/000.00.06.H56-261123-0001. */
export function servicePathProblems({ params, rest }: RouteParams): string[] {
  const problems = RULES.filter(([name, pattern]) => !pattern.test(params[name])).map(([, , message]) => message);
  if (!rest.every((segment) => PATH_SEGMENT.test(segment))) problems.push('each segment of the path after the service must be 1 to 200 characters, and not . or ..');
  return problems;
}

/** Where the connector serves the call: the same path, each part encoded again. */
export const connectorPathOf = ({ params, rest }: RouteParams): string =>
  `/systems/${[params.instance, params.memberClass, params.memberCode, params.subsystem, 'services', params.service, ...rest].map(encodeURIComponent).join('/')}`;
