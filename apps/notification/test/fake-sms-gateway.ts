import type { SmsGatewayMessage } from '@lienthong/domain-notification';
import { RecordingServer } from '@lienthong/platform-testing';

/** Plays the HTTP SMS gateway at `<url>/send`: keeps every message it takes, answering 202, or 503 while down. */
export class FakeSmsGateway extends RecordingServer {
  down = false;

  constructor() {
    super(({ path }) => (path !== '/send' ? 404 : this.down ? 503 : 202));
  }

  get received(): SmsGatewayMessage[] {
    return this.requests.filter((r) => r.status === 202).map((r) => r.body as SmsGatewayMessage);
  }

  to(phone: string): SmsGatewayMessage[] {
    return this.received.filter((sms) => sms.to === phone);
  }
}
