import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '@lienthong/platform-http';

/** A call's path parameters, decoded: `:name` ones by name, and the segments a final `*name` matched. */
export interface RouteParams {
  params: Readonly<Record<string, string>>;
  rest: readonly string[];
}

/** The route a call takes; its parameters are decoded on demand, once the call is noted as the route's. */
export interface MatchedRoute<R> {
  route: R;
  /** Throws a 400 problem for a segment that is no percent-encoded UTF-8. */
  params(): RouteParams;
}

interface CompiledRoute<R> {
  route: R;
  /** Per segment: the literal it must be, or null for a parameter. */
  literals: (string | null)[];
  names: string[];
  /** Whether a final `*name` takes one or more further segments. */
  wildcard: boolean;
}

const decode = (segment: string): string => {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new ProblemException(HttpStatus.BAD_REQUEST, 'invalid-path', 'The path is not valid', 'a segment of the path is not percent-encoded UTF-8');
  }
};

/**
 * Finds the route of a call among path templates written as Express writes them and as the OpenAPI document and the
 * exchange records name them: `:name` is one segment, a final `*name` one or more, a trailing slash is allowed.
 */
export class RouteMatcher<R extends { method: string; path: string }> {
  private readonly routes: CompiledRoute<R>[];

  constructor(routes: readonly R[]) {
    this.routes = routes.map((route) => {
      const segments = route.path.split('/').slice(1);
      const wildcard = segments.at(-1)?.startsWith('*') ?? false;
      const fixed = wildcard ? segments.slice(0, -1) : segments;
      return {
        route,
        literals: fixed.map((s) => (s.startsWith(':') ? null : s)),
        names: fixed.filter((s) => s.startsWith(':')).map((s) => s.slice(1)),
        wildcard,
      };
    });
  }

  /** The route of a call, or undefined when no route takes it. */
  match(method: string | undefined, pathname: string): MatchedRoute<R> | undefined {
    const segments = pathname.split('/').slice(1);
    if (segments.length > 1 && segments.at(-1) === '') segments.pop();
    for (const compiled of this.routes) {
      if (compiled.route.method === method && fits(compiled, segments)) return { route: compiled.route, params: () => paramsOf(compiled, segments) };
    }
    return undefined;
  }
}

function fits({ literals, wildcard }: CompiledRoute<unknown>, segments: string[]): boolean {
  if (wildcard ? segments.length <= literals.length : segments.length !== literals.length) return false;
  return literals.every((literal, i) => (literal === null ? segments[i] !== '' : literal === segments[i]));
}

/** Percent-decoded as Express decodes them; a segment that is no UTF-8 is the client's error (400). */
function paramsOf({ literals, names, wildcard }: CompiledRoute<unknown>, segments: string[]): RouteParams {
  const params: Record<string, string> = {};
  let n = 0;
  literals.forEach((literal, i) => {
    if (literal === null) params[names[n++]] = decode(segments[i]);
  });
  return { params, rest: wildcard ? segments.slice(literals.length).map(decode) : [] };
}
