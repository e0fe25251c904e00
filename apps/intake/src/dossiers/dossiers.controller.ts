import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ClientSystem } from '@lienthong/platform-http';
import { DossierService } from './dossier.service';
import { dossierView } from './dossier.view';
import { SubmitDossierDto } from './submit-dossier.dto';
import { UpdateStatusDto } from './update-status.dto';

@Controller('dossiers')
export class DossiersController {
  constructor(private readonly dossiers: DossierService) {}

  /** 201 with the new dossier code; 200 with the earlier dossier when the partner reference was seen before. */
  @Post()
  async submit(@ClientSystem() client: string, @Body() body: SubmitDossierDto, @Res({ passthrough: true }) res: Response) {
    const { dossier, created } = await this.dossiers.submit(client, body);
    res.status(created ? 201 : 200).location(`/v1/dossiers/${dossier.code}`);
    return dossierView(dossier);
  }

  @Get(':code')
  async find(@Param('code') code: string) {
    const { dossier, timeline } = await this.dossiers.find(code);
    return dossierView(dossier, timeline);
  }

  @Post(':code/status')
  @HttpCode(200)
  async updateStatus(@ClientSystem() client: string, @Param('code') code: string, @Body() body: UpdateStatusDto) {
    const { dossier, applied } = await this.dossiers.updateStatus(client, code, body);
    return { ...dossierView(dossier), applied };
  }
}
