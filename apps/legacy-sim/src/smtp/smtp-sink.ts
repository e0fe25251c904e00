import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AddressObject, simpleParser } from 'mailparser';
import { SMTPServer, SMTPServerDataStream, SMTPServerSession } from 'smtp-server';
import type { ReadinessCheck } from '@lienthong/platform-health';
import { LegacySimEnv } from '../config';
import { MailBox, MessageContent } from './mail-box';

/** Connections still open at shutdown get this long to finish their message. */
const CLOSE_TIMEOUT_MS = 2000;
const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

/** The mail box keeps text and HTML as sent: mailparser's HTML made from text, with its links found, is not needed (and costs the most). */
const PARSING = { skipTextToHtml: true, skipTextLinks: true, skipImageLinks: true };

const addressText = (address: AddressObject | AddressObject[] | undefined) => (Array.isArray(address) ? address.map((a) => a.text).join(', ') : address?.text);

/**
 * The SMTP server notification's e-mails land in: no authentication and no TLS, as a local sink. It
 * listens from bootstrap until shutdown and keeps every message in its mail box.
 */
@Injectable()
export class SmtpSink implements OnApplicationBootstrap, BeforeApplicationShutdown, ReadinessCheck {
  readonly name = 'smtp-sink';
  private readonly logger = new Logger(SmtpSink.name);
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    size: MAX_MESSAGE_BYTES,
    closeTimeout: CLOSE_TIMEOUT_MS,
    onData: (stream, session, callback) => this.receive(stream, session).then(() => callback(), callback),
  });

  constructor(
    private readonly config: LegacySimEnv,
    private readonly mailBox: MailBox,
  ) {
    // a client's broken connection must not take the process down
    this.server.on('error', (error) => this.logger.warn(`SMTP connection error: ${error.message}`));
  }

  onApplicationBootstrap(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.server.once('error', reject);
      this.server.listen(this.config.SMTP_PORT, this.config.HOST, () => {
        this.server.server.off('error', reject);
        this.logger.log(`SMTP sink listening on ${this.config.HOST}:${this.config.SMTP_PORT}`);
        resolve();
      });
    });
  }

  beforeApplicationShutdown(): Promise<void> {
    if (!this.server.server.listening) return Promise.resolve();
    return new Promise((resolve) => this.server.close(resolve));
  }

  async check(): Promise<void> {
    if (!this.server.server.listening) throw new Error('the SMTP sink is not listening');
  }

  /** Keeps the message's source as received; mailparser reads it the first time the mail box is asked for it. */
  private async receive(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    if (stream.sizeExceeded) throw Object.assign(new Error('message exceeds the maximum size'), { responseCode: 552 });
    const source = Buffer.concat(chunks);
    let parsed: Promise<MessageContent> | undefined;
    this.mailBox.add({
      to: session.envelope.rcptTo.map((r) => r.address),
      receivedAt: new Date().toISOString(),
      content: () => (parsed ??= contentOf(source)),
    });
  }
}

/** A source mailparser cannot read is kept without content rather than failing the listing. */
async function contentOf(source: Buffer): Promise<MessageContent> {
  try {
    const mail = await simpleParser(source, PARSING);
    return { messageId: mail.messageId, from: addressText(mail.from), subject: mail.subject, text: mail.text, html: typeof mail.html === 'string' ? mail.html : undefined };
  } catch {
    return {};
  }
}
