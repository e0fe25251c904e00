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
  /** Per method (Node's parser admits only the known ones) and segment count, the routes that can take such a call, in their order: most calls try one or two. */
  private readonly candidates = new Map<string, CompiledRoute<R>[][]>();

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
    if (segments.length > 1 && segments[segments.length - 1] === '') segments.pop();
    for (const compiled of this.candidatesFor(method ?? '', segments.length)) {
      if (fits(compiled.literals, segments)) return { route: compiled.route, params: () => paramsOf(compiled, segments) };
    }
    return undefined;
  }

  /** Kept for the counts routes can have; a longer path (a wildcard's) is looked up among all, so that no call grows the map. */
  private candidatesFor(method: string, count: number): CompiledRoute<R>[] {
    let ofMethod = this.candidates.get(method);
    if (!ofMethod) this.candidates.set(method, (ofMethod = []));
    let found = ofMethod[count];
    if (!found) {
      found = this.routes.filter(({ route, literals, wildcard }) => route.method === method && (wildcard ? count > literals.length : count === literals.length));
      if (count <= MAX_KEPT_COUNT) ofMethod[count] = found;
    }
    return found;
  }
}

/** Beyond any route's own segment count: only wildcard routes take longer paths. */
const MAX_KEPT_COUNT = 16;

/** Whether the segments fit the literals (a parameter takes any segment but an empty one); the count is known to fit. */
function fits(literals: (string | null)[], segments: string[]): boolean {
  for (let i = 0; i < literals.length; i++) {
    const literal = literals[i];
    if (literal === null ? segments[i] === '' : literal !== segments[i]) return false;
  }
  return true;
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
