import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AddressInfo } from 'node:net';
import { Dispatcher, fetch as undiciFetch } from 'undici';
import { BodyOptions, configureHttp, HttpsServerOptions, listenTraced } from '@lienthong/platform-http';

export interface TestApp {
  app: INestApplication;
  baseUrl: string;
  close(): Promise<void>;
}

export interface TestAppOptions extends BodyOptions {
  /** Serves HTTPS with these, as startService does. */
  https?: HttpsServerOptions;
}

/** Boots an app module in this process, wired exactly as in production, on a free port. */
export async function startTestApp(module: DynamicModule, options: TestAppOptions = {}): Promise<TestApp> {
  const app = await NestFactory.create<NestExpressApplication>(module, { bufferLogs: true, bodyParser: false, httpsOptions: options.https });
  configureHttp(app, options);
  await listenTraced(app, 0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, baseUrl: `${options.https ? 'https' : 'http'}://127.0.0.1:${port}`, close: () => app.close() };
}

/**
 * fetch with a JSON body; answers the status, headers and parsed JSON body. A dispatcher (an undici Agent with TLS
 * options: the CA to trust, a client certificate) goes with undici's own fetch: Node's built-in fetch refuses a
 * dispatcher of another undici version.
 */
export async function request(url: string, init: { method?: string; body?: unknown; headers?: Record<string, string>; dispatcher?: Dispatcher } = {}) {
  const sent = {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
    body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
  };
  const response = init.dispatcher ? await undiciFetch(url, { ...sent, dispatcher: init.dispatcher }) : await fetch(url, sent);
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = text;
  }
  return { status: response.status, headers: response.headers, body: json as Record<string, unknown> & unknown[] };
}
