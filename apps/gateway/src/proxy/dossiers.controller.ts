import { Controller, Get, Req, Res, StreamableFile, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ownerOfAgency, parseDossierCode } from '@lienthong/domain-dossier';
import { RequiresGrant } from '../access/grant.decorator';
import { GrantGuard } from '../access/grant.guard';
import { IdempotentPost } from '../idempotency/idempotent-post.decorator';
import { Permission } from '../registry/permissions';
import { answerWith } from './upstream-answer';
import { UpstreamProxy } from './upstream.proxy';

/** The province a dossier belongs to, read from its code (agency part), without asking intake. */
const provinceOfDossier = (req: Request): string | undefined => {
  const parts = parseDossierCode(String(req.params.code));
  return parts ? ownerOfAgency(parts.agencyCode) : undefined;
};
const provinceOfSubmission = (req: Request): string | undefined => {
  const agency = (req.body as { agencyCode?: unknown } | undefined)?.agencyCode;
  return typeof agency === 'string' ? ownerOfAgency(agency) : undefined;
};

@Controller('v1/dossiers')
@UseGuards(GrantGuard)
export class DossiersController {
  constructor(private readonly proxy: UpstreamProxy) {}

  @IdempotentPost()
  @RequiresGrant(Permission.SubmitDossier, provinceOfSubmission)
  async submit(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return answerWith(res, await this.proxy.forward(req, 'intake', '/dossiers'));
  }

  @Get(':code')
  @RequiresGrant(Permission.ReadDossier, provinceOfDossier)
  async find(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return answerWith(res, await this.proxy.forward(req, 'intake', `/dossiers/${encodeURIComponent(req.params.code as string)}`));
  }

  @IdempotentPost(':code/status')
  @RequiresGrant(Permission.UpdateDossierStatus, provinceOfDossier)
  async updateStatus(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return answerWith(res, await this.proxy.forward(req, 'intake', `/dossiers/${encodeURIComponent(req.params.code as string)}/status`));
  }
}
