import { Controller, Get, Req, Res, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import { RequiresGrant } from '../access/grant.decorator';
import { GrantGuard } from '../access/grant.guard';
import { Permission } from '../registry/permissions';
import { UpstreamProxy } from './upstream.proxy';

@Controller('v1/procedures')
@UseGuards(GrantGuard)
export class ProceduresController {
  constructor(private readonly proxy: UpstreamProxy) {}

  @Get()
  @RequiresGrant(Permission.ReadProcedure)
  search(@Req() req: Request, @Res() res: Response) {
    return this.proxy.forward(req, res, 'catalogue', '/procedures');
  }

  @Get(':code')
  @RequiresGrant(Permission.ReadProcedure)
  find(@Req() req: Request, @Res() res: Response) {
    return this.proxy.forward(req, res, 'catalogue', `/procedures/${encodeURIComponent(req.params.code as string)}`);
  }
}
