import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { FaultSwitch } from './fault.switch';
import { OneStopException, OneStopProblem } from './one-stop.exception';
import { OneStopStore } from './one-stop.store';
import { ProvincePipe } from './province.pipe';
import { SetDossierStatusDto } from './set-dossier-status.dto';
import { SetFaultDto } from './set-fault.dto';
import { SetStatusPushDto } from './set-status-push.dto';
import { StatusPushSwitch } from './status-push.switch';

/** What tests and demos use to steer a simulated province and see what it received. */
@Controller('control/one-stop/:province')
export class OneStopControlController {
  constructor(
    private readonly faults: FaultSwitch,
    private readonly pushing: StatusPushSwitch,
    private readonly dossiers: OneStopStore,
  ) {}

  @Put('fault')
  setFault(@Param('province', ProvincePipe) province: string, @Body() body: SetFaultDto) {
    this.faults.set(province, body.mode);
    return { province, fault: body.mode };
  }

  /** Switched off, the province plays one-stop software that cannot push: the backbone has to look its statuses up. */
  @Put('status-push')
  setStatusPush(@Param('province', ProvincePipe) province: string, @Body() body: SetStatusPushDto) {
    this.pushing.set(province, body.enabled);
    return { province, statusPush: body.enabled };
  }

  /** Moves a dossier on as the province's staff would, without pushing: what TraCuuHoSo answers from then on. */
  @Put('dossiers/:code/status')
  setStatus(@Param('province', ProvincePipe) province: string, @Param('code') code: string, @Body() body: SetDossierStatusDto) {
    const dossier = this.dossiers.find(province, code);
    if (!dossier) throw new OneStopException(OneStopProblem.UnknownDossier, `the one-stop system of ${province} holds no dossier ${code}`);
    dossier.status = body.status;
    return { province, MaHoSo: code, status: dossier.status };
  }

  @Get('dossiers')
  received(@Param('province', ProvincePipe) province: string) {
    const dossiers = this.dossiers.list(province).map((d) => ({
      MaHoSo: d.record.MaHoSo,
      timesReceived: d.timesReceived,
      status: d.status,
      firstReceivedAt: d.firstReceivedAt,
      lastReceivedAt: d.lastReceivedAt,
      madonvi: d.madonvi,
      record: d.record,
      pushes: d.pushes,
    }));
    return { province, fault: this.faults.modeOf(province), statusPush: this.pushing.isOn(province), dossiers };
  }
}
