import { RequestMethod, type DynamicModule, type Type } from '@nestjs/common';
import { INTERCEPTORS_METADATA, METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { loadConfig } from '@lienthong/platform-config';
import { AppModule } from '../app.module';
import { GatewayEnv } from '../config';
import { IdempotencyInterceptor } from './idempotency.interceptor';

type ModuleRef = Type<unknown> | DynamicModule;

/** Every controller the gateway mounts, found through the module tree as Nest finds it. */
function controllersOf(root: ModuleRef, seen = new Set<unknown>()): Type<unknown>[] {
  const type = 'module' in root ? root.module : root;
  if (seen.has(root)) return [];
  seen.add(root);
  const metadata = (key: string) => [...((Reflect.getMetadata(key, type) as unknown[]) ?? []), ...((('module' in root ? root[key as keyof DynamicModule] : []) as unknown[]) ?? [])];
  const children = metadata(MODULE_METADATA.IMPORTS) as ModuleRef[];
  return [...(metadata(MODULE_METADATA.CONTROLLERS) as Type<unknown>[]), ...children.flatMap((child) => controllersOf(child, seen))];
}

const paths = (value: unknown): string[] => (Array.isArray(value) ? value : [value ?? '']).map((p: string) => p.replace(/^\/|\/$/g, ''));

/** 'POST v1/…' of every POST handler, with whether it honours Idempotency-Key. */
function postRoutes(): { route: string; idempotent: boolean }[] {
  return controllersOf(AppModule.register(loadConfig(GatewayEnv, {}))).flatMap((controller) =>
    Object.getOwnPropertyNames(controller.prototype)
      .map((name) => (controller.prototype as Record<string, unknown>)[name])
      .filter((handler): handler is object => typeof handler === 'function' && Reflect.getMetadata(METHOD_METADATA, handler) === RequestMethod.POST)
      .flatMap((handler) => {
        const interceptors = (Reflect.getMetadata(INTERCEPTORS_METADATA, handler) as unknown[]) ?? [];
        return paths(Reflect.getMetadata(PATH_METADATA, controller)).flatMap((prefix) =>
          paths(Reflect.getMetadata(PATH_METADATA, handler)).map((path) => ({
            route: `POST ${[prefix, path].filter(Boolean).join('/')}`,
            idempotent: interceptors.includes(IdempotencyInterceptor),
          })),
        );
      }),
  );
}

/** The proxy's POST routes (POST /v1/dossiers …) honour Idempotency-Key by construction: ProxyHandler runs every POST through IdempotentCalls. */
describe('Idempotency-Key on every public POST route Nest serves', () => {
  const routes = postRoutes();

  it('finds the public POST routes', () => {
    expect(routes.map((r) => r.route)).toEqual(expect.arrayContaining(['POST v1/operator/systems', 'POST v1/operator/systems/:id/keys']));
  });

  it('declares every one of them with @IdempotentPost, but the DVCQG login', () => {
    // like the token endpoint, the login answers a secret (its session) that must not be stored for a replay, and is harmless to repeat
    expect(routes.filter((r) => r.route.startsWith('POST v1/') && !r.idempotent).map((r) => r.route)).toEqual(['POST v1/compat/dvcqg/login']);
  });
});
