export interface ReceivedMessage {
  messageId?: string;
  from?: string;
  /** Envelope recipients: everyone the message was delivered to, Bcc included. */
  to: string[];
  subject?: string;
  text?: string;
  html?: string;
  receivedAt: string;
}

export interface MessageFilter {
  to?: string;
  subject?: string;
}

/** Keeps the newest messages only, so a long benchmark cannot exhaust memory. */
export const MAIL_BOX_CAPACITY = 10_000;

const contains = (text: string | undefined, part: string) => (text ?? '').toLowerCase().includes(part.toLowerCase());

/** The sink's received messages, oldest first, searchable by substring of a recipient and of the subject. */
export class MailBox {
  private messages: ReceivedMessage[] = [];

  add(message: ReceivedMessage): void {
    this.messages.push(message);
    if (this.messages.length > MAIL_BOX_CAPACITY) this.messages.shift();
  }

  list(filter: MessageFilter = {}): ReceivedMessage[] {
    return this.messages.filter(
      (m) => (filter.to === undefined || m.to.some((address) => contains(address, filter.to as string))) && (filter.subject === undefined || contains(m.subject, filter.subject)),
    );
  }

  clear(): void {
    this.messages = [];
  }
}
