import { Controller, Get, Param, Req, Res, StreamableFile, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import { formatSystemId, isServiceCode, parseSystemId } from '@lienthong/domain-registry';
import { RequiresGrant } from '../access/grant.decorator';
import { GrantGuard } from '../access/grant.guard';
import { IdempotentPost } from '../idempotency/idempotent-post.decorator';
import { serviceScope } from '../registry/grant-scope';
import { Permission } from '../registry/permissions';
import { SystemServiceParams } from './system-service-call.dto';
import { answerWith } from './upstream-answer';
import { UpstreamProxy } from './upstream.proxy';

const providerOf = (p: Pick<SystemServiceParams, 'instance' | 'memberClass' | 'memberCode' | 'subsystem'>): string => formatSystemId(p);

/** The provider's service a call names, as grants scope it; undefined when the path names no system and service. */
const calledService = (req: Request): string | undefined => {
  const params = req.params as unknown as SystemServiceParams;
  const provider = providerOf(params);
  return parseSystemId(provider) && isServiceCode(params.service) ? serviceScope({ provider, service: params.service }) : undefined;
};

/** With or without a path after the service: …/services/tra-cuu-ho-so/000.00.06.H56-261123-0001, or …/services/tra-cuu-ho-so and a body. */
const ROUTES = [':service', ':service/*path'];

/**
 * Synchronous calls of legacy systems' services, X-Road style: the provider is named by its four id parts, the grant
 * must cover that provider's service, and the call goes through the connector, which answers what the legacy system
 * answered. The exchange record names the provider as the target and the service code as the service.
 */
@Controller('v1/systems/:instance/:memberClass/:memberCode/:subsystem/services')
@UseGuards(GrantGuard)
export class SystemServicesController {
  constructor(private readonly proxy: UpstreamProxy) {}

  @Get(ROUTES)
  @RequiresGrant(Permission.CallService, calledService)
  async get(@Param() params: SystemServiceParams, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return this.forward(params, req, res);
  }

  @IdempotentPost(ROUTES)
  @RequiresGrant(Permission.CallService, calledService)
  async post(@Param() params: SystemServiceParams, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return this.forward(params, req, res);
  }

  private async forward(params: SystemServiceParams, req: Request, res: Response): Promise<StreamableFile> {
    const { instance, memberClass, memberCode, subsystem, service, path = [] } = params;
    const segments = [instance, memberClass, memberCode, subsystem, 'services', service, ...path].map(encodeURIComponent).join('/');
    return answerWith(res, await this.proxy.forward(req, 'connector', `/systems/${segments}`, providerOf(params)));
  }
}
