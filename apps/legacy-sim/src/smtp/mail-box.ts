/** What a message says, parsed from its source when it is first looked at. */
export interface MessageContent {
  messageId?: string;
  from?: string;
  subject?: string;
  text?: string;
  html?: string;
}

export interface ReceivedMessage extends MessageContent {
  /** Envelope recipients: everyone the message was delivered to, Bcc included. */
  to: string[];
  receivedAt: string;
}

/** A message as the sink keeps it: its envelope, and its content read on demand (the same promise every time). */
export interface StoredMessage {
  to: string[];
  receivedAt: string;
  content: () => Promise<MessageContent>;
}

export interface MessageFilter {
  to?: string;
  subject?: string;
}

/** Keeps the newest messages only, so a long benchmark cannot exhaust memory. */
export const MAIL_BOX_CAPACITY = 10_000;

const contains = (text: string | undefined, part: string) => (text ?? '').toLowerCase().includes(part.toLowerCase());

/**
 * The sink's received messages, oldest first, searchable by substring of a recipient and of the subject. A message is
 * parsed only once something asks for it: most are never read (a benchmark sends thousands).
 */
export class MailBox {
  private messages: StoredMessage[] = [];

  add(message: StoredMessage): void {
    this.messages.push(message);
    if (this.messages.length > MAIL_BOX_CAPACITY) this.messages.shift();
  }

  async list(filter: MessageFilter = {}): Promise<ReceivedMessage[]> {
    const addressed = this.messages.filter((m) => filter.to === undefined || m.to.some((address) => contains(address, filter.to as string)));
    const read = await Promise.all(addressed.map(async ({ content, ...envelope }) => ({ ...(await content()), ...envelope })));
    return read.filter((m) => filter.subject === undefined || contains(m.subject, filter.subject));
  }

  clear(): void {
    this.messages = [];
  }
}
