import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ClientSystem } from '@lienthong/platform-http';
import { DvcqgCompatService } from './dvcqg-compat.service';

/**
 * The DVCQG dialect as one-stop software already speaks it. Bodies are read the dialect's way and every answer is
 * HTTP 200 with an error_code (0 done, -1 refused, with the reason in Vietnamese), as those clients expect.
 */
@Controller('compat/dvcqg')
export class DvcqgCompatController {
  constructor(private readonly compat: DvcqgCompatService) {}

  @Post('DongBoHoSoMC')
  @HttpCode(200)
  sync(@ClientSystem() client: string, @Body() body: unknown) {
    return this.compat.sync(client, body);
  }

  @Post('CapNhatTienDoHoSoMC')
  @HttpCode(200)
  progress(@ClientSystem() client: string, @Body() body: unknown) {
    return this.compat.progress(client, body);
  }

  @Post('TraCuuHoSo')
  @HttpCode(200)
  lookup(@Body() body: unknown) {
    return this.compat.lookup(body);
  }
}
