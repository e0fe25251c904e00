import { Module } from '@nestjs/common';
import { ExchangesModule } from '../exchanges/exchanges.module';
import { GatewayFront } from './gateway-front';
import { ProxyHandler } from './proxy.handler';
import { UpstreamProxy } from './upstream.proxy';

/** The public routes served by forwarding to the service that owns the data, or through the connector to a legacy system. */
@Module({
  imports: [ExchangesModule],
  providers: [UpstreamProxy, ProxyHandler, GatewayFront],
  exports: [ProxyHandler],
})
export class ProxyModule {}
