import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { OneStopService } from './one-stop.service';
import { ProvincePipe } from './province.pipe';

/**
 * The DVCQG-style API of each province's one-stop software. Bodies are checked the legacy way, answering
 * HTTP 200 with an error_code, so they reach the service unvalidated. Faults apply first (FaultMiddleware).
 */
@Controller('one-stop/:province')
export class OneStopController {
  constructor(private readonly oneStop: OneStopService) {}

  @Post('login')
  @HttpCode(200)
  login(@Param('province', ProvincePipe) province: string, @Body() body: unknown) {
    return this.oneStop.login(province, body);
  }

  @Post('DongBoHoSoMC')
  @HttpCode(200)
  sync(@Param('province', ProvincePipe) province: string, @Body() body: unknown) {
    return this.oneStop.sync(province, body);
  }

  @Post('TraCuuHoSo')
  @HttpCode(200)
  lookup(@Param('province', ProvincePipe) province: string, @Body() body: unknown) {
    return this.oneStop.lookup(province, body);
  }
}
