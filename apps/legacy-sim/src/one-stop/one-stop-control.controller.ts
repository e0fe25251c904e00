import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { FaultSwitch } from './fault.switch';
import { OneStopStore } from './one-stop.store';
import { ProvincePipe } from './province.pipe';
import { SetFaultDto } from './set-fault.dto';

/** What tests and demos use to steer a simulated province and see what it received. */
@Controller('control/one-stop/:province')
export class OneStopControlController {
  constructor(
    private readonly faults: FaultSwitch,
    private readonly dossiers: OneStopStore,
  ) {}

  @Put('fault')
  setFault(@Param('province', ProvincePipe) province: string, @Body() body: SetFaultDto) {
    this.faults.set(province, body.mode);
    return { province, fault: body.mode };
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
    return { province, fault: this.faults.modeOf(province), dossiers };
  }
}
