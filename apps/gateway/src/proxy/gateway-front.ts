import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import { ExchangeRecorder, isExchangePath } from '../exchanges/exchange.recorder';
import { ProxyHandler } from './proxy.handler';

/**
 * The gateway's entry, in front of Express: every call under /v1 gets its exchange record, whoever serves it; the
 * proxied routes are served by the proxy, everything else by Nest. Installed as the app starts, before the server
 * listens (listenTraced then puts the call's trace around it).
 */
@Injectable()
export class GatewayFront implements OnApplicationBootstrap {
  constructor(private readonly adapterHost: HttpAdapterHost, private readonly recorder: ExchangeRecorder, private readonly proxy: ProxyHandler) {}

  onApplicationBootstrap(): void {
    // an application context without an HTTP server (a command such as audit:verify) has no calls
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (!server) return;
    const nest = server.listeners('request') as RequestListener[];
    server.removeAllListeners('request');
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      const url = req.url ?? '/';
      const cut = url.indexOf('?');
      const pathname = cut < 0 ? url : url.slice(0, cut);
      if (!isExchangePath(pathname)) return nest.forEach((listener) => listener(req, res));
      this.recorder.watch(req, res);
      if (this.proxy.serve(req, res, pathname, cut < 0 ? '' : url.slice(cut))) return;
      this.recorder.countResponseBytes(req, res);
      nest.forEach((listener) => listener(req, res));
    });
  }
}
