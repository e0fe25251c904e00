import type { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** The sender keeps its connections open between messages: a stopped sink drops them instead of waiting (30 s by default). */
const CLOSE_TIMEOUT_MS = 100;

export interface ReceivedEmail {
  recipients: string[];
  mail: ParsedMail;
}

/** A real SMTP server for tests: accepts every message and keeps it; can be stopped and started on the same port. */
export class SmtpSink {
  readonly received: ReceivedEmail[] = [];
  private server: SMTPServer | undefined;
  private port = 0;

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      closeTimeout: CLOSE_TIMEOUT_MS,
      onData: (stream, session, callback) => {
        simpleParser(stream).then((mail) => {
          this.received.push({ recipients: session.envelope.rcptTo.map((r) => r.address), mail });
          callback();
        }, callback);
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }

  to(address: string): ReceivedEmail[] {
    return this.received.filter((r) => r.recipients.includes(address));
  }
}
