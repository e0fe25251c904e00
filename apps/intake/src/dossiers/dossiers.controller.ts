import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ClientSystem } from '@lienthong/platform-http';
import { DossierService } from './dossier.service';
import { DossierLifecycleService } from './dossier-lifecycle.service';
import { ProcessingStepsService } from './processing-steps.service';
import { RecordStepsDto } from './record-steps.dto';
import { journeyView, trackingView } from './dossier-tracking.view';
import { dossierView } from './dossier.view';
import { SubmitDossierDto } from './submit-dossier.dto';
import { UpdateStatusDto } from './update-status.dto';

@Controller('dossiers')
export class DossiersController {
  constructor(
    private readonly dossiers: DossierService,
    private readonly lifecycle: DossierLifecycleService,
    private readonly steps: ProcessingStepsService,
  ) {}

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

  /** Where a dossier stands, for a citizen following it from any province: nothing personal. */
  @Get(':code/tracking')
  async track(@Param('code') code: string) {
    const { dossier, timeline } = await this.dossiers.find(code);
    return trackingView(dossier, timeline);
  }

  /** Everything every system did with a dossier, for operators: the applicant left out. */
  @Get(':code/journey')
  async journey(@Param('code') code: string) {
    const { dossier, timeline } = await this.dossiers.find(code);
    return journeyView(dossier, timeline);
  }

  /** Processing steps, up to 50 a call; a step sent again is recognised and counted as a duplicate. */
  @Post(':code/steps')
  @HttpCode(200)
  async recordSteps(@ClientSystem() client: string, @Param('code') code: string, @Body() body: RecordStepsDto) {
    const { dossier, recorded, duplicates } = await this.steps.record(client, code, body.steps);
    return { ...dossierView(dossier), recorded, duplicates };
  }

  @Post(':code/status')
  @HttpCode(200)
  async updateStatus(@ClientSystem() client: string, @Param('code') code: string, @Body() body: UpdateStatusDto) {
    const { dossier, outcome } = await this.lifecycle.report(client, code, body);
    return { ...dossierView(dossier), applied: outcome === 'applied', outcome };
  }
}
