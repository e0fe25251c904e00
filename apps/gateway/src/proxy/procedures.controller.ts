import { Controller, Get, Req, Res, StreamableFile, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import { RequiresGrant } from '../access/grant.decorator';
import { GrantGuard } from '../access/grant.guard';
import { Permission } from '../registry/permissions';
import { answerWith } from './upstream-answer';
import { UpstreamProxy } from './upstream.proxy';

@Controller('v1/procedures')
@UseGuards(GrantGuard)
export class ProceduresController {
  constructor(private readonly proxy: UpstreamProxy) {}

  @Get()
  @RequiresGrant(Permission.ReadProcedure)
  async search(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return answerWith(res, await this.proxy.forward(req, 'catalogue', '/procedures'));
  }

  @Get(':code')
  @RequiresGrant(Permission.ReadProcedure)
  async find(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return answerWith(res, await this.proxy.forward(req, 'catalogue', `/procedures/${encodeURIComponent(req.params.code as string)}`));
  }
}
