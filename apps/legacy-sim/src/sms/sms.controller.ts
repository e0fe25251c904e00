import { Body, Controller, Get, HttpCode, HttpStatus, Put, Post, Query, ServiceUnavailableException, UnprocessableEntityException } from '@nestjs/common';
import { IsIn } from 'class-validator';
import { MisroutedSmsError, SMS_FAULTS, SmsCenter, SmsFault } from './sms-center';
import { SendSmsDto } from './send-sms.dto';

class SetSmsFaultDto {
  @IsIn(SMS_FAULTS, { message: `mode must be one of ${SMS_FAULTS.join(', ')}` })
  mode: SmsFault;
}

/** The simulated SMS gateway: what the backbone sends through, and what tests and demos look at and switch. */
@Controller()
export class SmsController {
  constructor(private readonly center: SmsCenter) {}

  @Post('sms/send')
  @HttpCode(HttpStatus.ACCEPTED)
  send(@Body() sms: SendSmsDto) {
    try {
      if (!this.center.take(sms)) throw new ServiceUnavailableException('the carriers cannot be reached');
    } catch (error) {
      if (error instanceof MisroutedSmsError) throw new UnprocessableEntityException(error.message);
      throw error;
    }
    return { accepted: true, messageId: sms.messageId };
  }

  @Get('sms/messages')
  messages(@Query('to') to: string) {
    return { to, messages: this.center.to(to) };
  }

  @Put('control/sms/fault')
  setFault(@Body() body: SetSmsFaultDto) {
    this.center.setFault(body.mode);
    return { fault: this.center.currentFault };
  }
}
