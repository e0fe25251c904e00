import { Controller, Delete, Get, HttpCode, Query } from '@nestjs/common';
import { ListMessagesQuery } from './list-messages.query';
import { MailBox, ReceivedMessage } from './mail-box';

/** The SMTP sink's mail box over HTTP, for tests and demos. */
@Controller('smtp/messages')
export class SmtpController {
  constructor(private readonly mailBox: MailBox) {}

  @Get()
  list(@Query() query: ListMessagesQuery): Promise<ReceivedMessage[]> {
    return this.mailBox.list(query);
  }

  @Delete()
  @HttpCode(204)
  clear(): void {
    this.mailBox.clear();
  }
}
