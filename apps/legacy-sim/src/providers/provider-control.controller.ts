import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ProviderDesk } from './provider-desk';
import { ProviderFaultSwitch } from './provider-fault.switch';
import { ProviderLedger } from './provider-ledger';
import { SetProviderFaultDto } from './set-provider-fault.dto';
import { transactionView } from './transaction.view';

/** What tests and demos use to make a simulated provider misbehave and to see what it holds and sent. */
@Controller('control/providers/:code')
export class ProviderControlController {
  constructor(private readonly desk: ProviderDesk, private readonly faults: ProviderFaultSwitch, private readonly ledger: ProviderLedger) {}

  @Put('fault')
  setFault(@Param('code') code: string, @Body() body: SetProviderFaultDto) {
    this.faults.set(this.desk.provider(code).code, body.mode);
    return { provider: code, fault: body.mode };
  }

  @Get('transactions')
  transactions(@Param('code') code: string) {
    return { provider: this.desk.provider(code).code, fault: this.faults.of(code), transactions: this.ledger.of(code).map(transactionView) };
  }
}
