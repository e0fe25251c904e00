import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { formatSystemId } from '@lienthong/domain-registry';
import { ServiceCallService } from './service-call.service';

/** The route parameters of a call: the system's four id parts, the service, and what follows it (Express 5 splits a wildcard into segments). */
interface ServiceCallParams {
  instance: string;
  memberClass: string;
  memberCode: string;
  subsystem: string;
  service: string;
  path?: string[];
}

const ROUTES = [':service', ':service/*path'];

/**
 * Calls of the legacy systems' services, in the X-Road REST form the gateway forwards unchanged:
 * /systems/VN/GOV/000.00.00.H56/MOTCUA/services/tra-cuu-ho-so/000.00.06.H56-261123-0001.
 */
@Controller('systems/:instance/:memberClass/:memberCode/:subsystem/services')
export class ServiceCallsController {
  constructor(private readonly calls: ServiceCallService) {}

  @Get(ROUTES)
  get(@Param() params: ServiceCallParams, @Res({ passthrough: true }) res: Response): Promise<unknown> {
    return this.call(params, undefined, res);
  }

  @Post(ROUTES)
  @HttpCode(HttpStatus.OK)
  post(@Param() params: ServiceCallParams, @Body() body: unknown, @Res({ passthrough: true }) res: Response): Promise<unknown> {
    return this.call(params, body, res);
  }

  private call({ service, path = [], ...system }: ServiceCallParams, body: unknown, res: Response): Promise<unknown> {
    return this.calls.call({ system: formatSystemId(system), service }, { path, body }, res);
  }
}
