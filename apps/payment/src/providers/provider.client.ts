import { Injectable } from '@nestjs/common';
import { request } from 'undici';
import { PaymentProvider, PlatformMessage, PlatformMessageKind, signPlatformMessage } from '@lienthong/domain-payment';
import { abortedBy, unansweredReason } from '@lienthong/platform-http';
import { PaymentEnv } from '../config';
import { PaymentProviders } from './payment-providers';

/** The provider did not answer in time, could not be reached, or answered something that is no answer. */
export class ProviderUnreachableError extends Error {
  constructor(readonly provider: string, detail: string) {
    super(`${provider} did not answer: ${detail}`);
  }
}

/** What a provider answers a request, as received (MaLoi "00" is yes). */
export type ProviderAnswer = Readonly<Record<string, unknown>> & { MaLoi?: unknown };

/** A provider's answer read whole. */
interface Answered {
  status: number;
  contentType: string;
  content: Buffer;
}

type Call = { method: 'GET' } | { method: 'POST'; headers: Record<string, string>; body: string };

/** A document a provider answers with (GET_BILL's receipt). */
export interface ProviderDocument {
  contentType: string;
  content: Buffer;
}

/** Speaks to providers in their messages, each signed with the provider's scheme and key. */
@Injectable()
export class ProviderClient {
  constructor(private readonly providers: PaymentProviders, private readonly config: PaymentEnv) {}

  /** Sends a `kind` message, signing the fields its checksum covers; `extra` travels unsigned (receipt details, the return URL). */
  async send(provider: PaymentProvider, kind: PlatformMessageKind, message: PlatformMessage, extra: Record<string, unknown> = {}): Promise<ProviderAnswer> {
    return this.json(provider, await this.post(provider, kind, message, extra));
  }

  /** Sends a `kind` message whose answer is a document of `contentType`; any other answer is none. */
  async fetchDocument(provider: PaymentProvider, kind: PlatformMessageKind, message: PlatformMessage, contentType: string): Promise<ProviderDocument> {
    const answer = await this.post(provider, kind, message, {});
    if (!isOk(answer) || !answer.contentType.startsWith(contentType) || answer.content.length === 0) {
      throw new ProviderUnreachableError(provider.code, `HTTP ${answer.status} ${answer.contentType || 'without a content type'} where ${contentType} was asked`);
    }
    return { contentType, content: answer.content };
  }

  /** A provider's statement of a day (YYYY-MM-DD), as it publishes it at `<its base>/statements/<yyyyMMdd>`. */
  async statement(provider: PaymentProvider, day: string): Promise<ProviderAnswer> {
    const answer = await this.call(provider, `statements/${day.replaceAll('-', '')}`, { method: 'GET' });
    if (!isOk(answer)) throw new ProviderUnreachableError(provider.code, `HTTP ${answer.status} for the statement of ${day}`);
    return this.json(provider, answer);
  }

  private post(provider: PaymentProvider, kind: PlatformMessageKind, message: PlatformMessage, extra: Record<string, unknown>): Promise<Answered> {
    const signed = signPlatformMessage(kind, message, this.providers.keyOf(provider), provider.scheme);
    return this.call(provider, kind.toLowerCase().replace('_', '-'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...signed, ...extra }) });
  }

  /** One request within the timeout, its answer read whole; a provider that cannot be reached, or fails (5xx), is unreachable. */
  private async call(provider: PaymentProvider, path: string, init: Call): Promise<Answered> {
    const signal = AbortSignal.timeout(this.config.PAYMENT_PROVIDER_TIMEOUT_MS);
    let answer: Answered;
    try {
      const response = await request(this.providers.urlOf(provider, path), { ...init, signal });
      const contentType = response.headers['content-type'];
      answer = { status: response.statusCode, contentType: typeof contentType === 'string' ? contentType : '', content: Buffer.from(await response.body.arrayBuffer()) };
    } catch (error) {
      throw new ProviderUnreachableError(provider.code, abortedBy(signal, error) ? `no answer within ${this.config.PAYMENT_PROVIDER_TIMEOUT_MS} ms` : unansweredReason(error));
    }
    if (answer.status >= 500) throw new ProviderUnreachableError(provider.code, `HTTP ${answer.status}`);
    return answer;
  }

  private json(provider: PaymentProvider, { status, content }: Answered): ProviderAnswer {
    try {
      const answer: unknown = JSON.parse(content.toString('utf8'));
      if (typeof answer === 'object' && answer !== null && !Array.isArray(answer)) return answer as ProviderAnswer;
    } catch {
      // not JSON: said below
    }
    throw new ProviderUnreachableError(provider.code, `HTTP ${status} with a body that is no JSON object`);
  }
}

const isOk = ({ status }: Answered) => status >= 200 && status < 300;
