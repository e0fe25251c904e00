import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer } from '@nestjs/core';
import { REQUIRED_GRANT, RequiredGrant } from '../src/access/grant.decorator';
import { ProxyHandler } from '../src/proxy/proxy.handler';
import { EVERYWHERE, Permission } from '../src/registry/permissions';

/** A route as the booted app serves it: `GET /v1/dossiers/:code`, with the permission its grant must name, if any. */
export interface ServedRoute {
  key: string;
  permission: Permission | undefined;
}

const joinPath = (...parts: string[]): string => `/${parts.map((p) => p.replace(/^\/+|\/+$/g, '')).filter(Boolean).join('/')}`;
const asArray = (value: string | string[] | undefined): string[] => (value === undefined ? [''] : Array.isArray(value) ? value : [value]);

/** The routes the booted app declares: the proxy's, and those of every controller Nest registered. */
export function declaredRoutesOf(app: INestApplication): ServedRoute[] {
  const proxied = app.get(ProxyHandler).routes.map((route) => ({ key: `${route.method} ${route.path}`, permission: route.permission }));
  return [...proxied, ...controllerRoutesOf(app)];
}

/** Every route of every controller the app registered, read from the metadata Nest routes by. */
function controllerRoutesOf(app: INestApplication): ServedRoute[] {
  const scanner = new MetadataScanner();
  return new DiscoveryService(app.get(ModulesContainer)).getControllers().flatMap(({ metatype }) => {
    if (!metatype) return [];
    const prototype = metatype.prototype as Record<string, unknown>;
    const prefixes = asArray(Reflect.getMetadata(PATH_METADATA, metatype) as string | string[] | undefined);
    return scanner.getAllMethodNames(prototype).flatMap((name) => {
      const handler = prototype[name] as object;
      const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      if (paths === undefined) return [];
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      const grant = Reflect.getMetadata(REQUIRED_GRANT, handler) as RequiredGrant | undefined;
      return prefixes.flatMap((prefix) => asArray(paths).map((path) => ({ key: `${method} ${joinPath(prefix, path)}`, permission: grant?.permission })));
    });
  });
}

interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/**
 * The routes the HTTP server really answers: those the proxy matches in front of Express, and Express's router stack,
 * so that nothing mounted outside the proxy's table and Nest's controllers escapes.
 */
export function answeredRoutesOf(app: INestApplication): string[] {
  const express = app.getHttpAdapter().getInstance() as { router: { stack: ExpressLayer[] } };
  const routed = express.router.stack.flatMap(({ route }) =>
    route ? Object.keys(route.methods).filter((m) => route.methods[m] && m !== '_all').map((m) => `${m.toUpperCase()} ${route.path}`) : [],
  );
  return [...app.get(ProxyHandler).routes.map((route) => `${route.method} ${route.path}`), ...routed];
}

/**
 * The rule the guard must implement, stated independently: a grant names the permission and covers the scope of the call
 * (its province, or the provider's service called), as the same scope, everywhere ('*') or all the provider's services.
 */
export const isGranted = (grants: { permission: string; scope: string }[], permission: string, scope: string | undefined): boolean =>
  grants.some(
    (g) =>
      g.permission === permission &&
      (g.scope === EVERYWHERE || (scope !== undefined && (g.scope === scope || (g.scope.endsWith('/*') && scope.startsWith(g.scope.slice(0, -1)) && !scope.slice(g.scope.length - 1).includes('/'))))),
  );
