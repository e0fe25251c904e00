import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import { containsUnstorable, jsonBodyReader, logProblem, ProblemException, sendProblem, toProblem, UnstorableCharactersException } from '@lienthong/platform-http';
import { checkGrant } from '../access/grant-check';
import { answerQuota, ClientRateLimiter } from '../access/client-rate-limiter';
import { RequestAuthenticator } from '../access/request.authenticator';
import { noteExchange } from '../exchanges/exchange-notes';
import { GATEWAY_BODIES } from '../http-bodies';
import { IDEMPOTENCY_KEY_HEADER, IdempotentCalls } from '../idempotency/idempotent-calls';
import { PROXY_ROUTES, ProxyRoute, RouteDialect } from './proxy-routes';
import { MatchedRoute, RouteMatcher } from './route-matcher';
import { jsonAnswer, sendAnswer } from './upstream-answer';
import { UpstreamProxy } from './upstream.proxy';

/**
 * Serves the proxied public routes (PROXY_ROUTES) straight on Node's request, in front of Express and Nest: the call is
 * authenticated, held to its quotas, its body read (POST), its grant checked, its Idempotency-Key honoured (POST), and
 * it is forwarded. Nest's per-request layers (router, guards, pipes, interceptors, the body parsers of every route)
 * cost about as much CPU as a whole raw proxy does (bench/gateway), on the calls the gateway exists for; the operators'
 * API, OAuth, docs and health stay with Nest.
 *
 * Every call is answered here, as problem+json when refused. Nothing is logged per call: its exchange record is the
 * log. A foreseen 5xx (a provider down) is logged as one line, an unforeseen one with its stack.
 */
@Injectable()
export class ProxyHandler {
  readonly routes = PROXY_ROUTES;
  private readonly matcher = new RouteMatcher(PROXY_ROUTES);
  private readonly readBody = jsonBodyReader(GATEWAY_BODIES.bodyLimit);
  private readonly logger = new Logger('Proxy');

  constructor(
    private readonly authenticator: RequestAuthenticator,
    private readonly quotas: ClientRateLimiter,
    private readonly idempotency: IdempotentCalls,
    private readonly upstream: UpstreamProxy,
  ) {}

  /** Serves the call when one of the proxied routes takes it; false when none does, for Nest to serve. */
  serve(req: IncomingMessage, res: ServerResponse, pathname: string, query: string): boolean {
    const match = this.matcher.match(req.method, pathname);
    if (!match) return false;
    noteExchange(req, { route: match.route.path });
    // a recorded span is named after the route, as the tracing names those Express routes
    const span = trace.getActiveSpan();
    if (span?.isRecording()) span.updateName(`${match.route.method} ${match.route.path}`).setAttribute('http.route', match.route.path);
    this.handle(req, res, match, query).catch((error: unknown) => this.fail(req, res, error, match.route.dialect));
    return true;
  }

  private async handle(req: IncomingMessage, res: ServerResponse, { route, params }: MatchedRoute<ProxyRoute>, query: string): Promise<void> {
    const path = params();
    if (containsUnstorable(path.params) || containsUnstorable(path.rest) || (query !== '' && containsUnstorable(parseQuery(query.slice(1))))) throw new UnstorableCharactersException();
    noteExchange(req, { params: path.params });
    const { dialect } = route;
    // a dialect that carries its credential in the body is read first; any other body only once its caller is known
    const sent = dialect ? await this.readBody(req, res) : undefined;
    const credential = await this.authenticator.authenticate(req, res, dialect?.credentialOf(sent));
    const clientId = credential.system.id;
    noteExchange(req, { client: clientId });
    answerQuota(res, await this.quotas.consume(clientId));
    const body = dialect ? dialect.forwarded(sent) : route.method === 'POST' ? await this.readBody(req, res) : undefined;
    checkGrant(credential, route.permission, route.scopeOf({ ...path, body }));
    const problems = route.pathProblems?.(path) ?? [];
    if (problems.length > 0) {
      throw new ProblemException(HttpStatus.BAD_REQUEST, 'invalid-request', 'The request is invalid', problems.join('; '), { errors: problems });
    }
    const forward = () =>
      this.upstream.forward(req, { upstream: route.upstream, path: route.upstreamPath(path), query, clientId, body, provider: route.provider?.(path) ?? route.upstream });
    const answer =
      route.method === 'POST'
        ? await this.idempotency.run({ systemId: clientId, key: req.headers[IDEMPOTENCY_KEY_HEADER], method: route.method, url: req.url ?? '', body }, res, forward)
        : await forward();
    noteExchange(req, { responseBytes: answer.body.length });
    sendAnswer(res, answer);
  }

  private fail(req: IncomingMessage, res: ServerResponse, error: unknown, dialect: RouteDialect | undefined): void {
    const problem = toProblem(error, req.url ?? '');
    logProblem(this.logger, problem, error);
    if (res.headersSent) res.destroy();
    else if (dialect && problem.status < 500) {
      const answer = jsonAnswer(HttpStatus.OK, dialect.refusal(problem));
      sendAnswer(res, answer);
      noteExchange(req, { status: problem.status, responseBytes: answer.body.length });
    } else noteExchange(req, { responseBytes: sendProblem(res, problem) });
  }
}
