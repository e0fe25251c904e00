import { Injectable } from '@nestjs/common';
import { PaymentProvider, PlatformMessage, PlatformMessageKind, signPlatformMessage } from '@lienthong/domain-payment';
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
    const { response, content } = await this.post(provider, kind, message, extra);
    return this.json(provider, response, content);
  }

  /** Sends a `kind` message whose answer is a document of `contentType`; any other answer is none. */
  async fetchDocument(provider: PaymentProvider, kind: PlatformMessageKind, message: PlatformMessage, contentType: string): Promise<ProviderDocument> {
    const { response, content } = await this.post(provider, kind, message, {});
    const answered = response.headers.get('content-type') ?? '';
    if (!response.ok || !answered.startsWith(contentType) || content.length === 0) {
      throw new ProviderUnreachableError(provider.code, `HTTP ${response.status} ${answered || 'without a content type'} where ${contentType} was asked`);
    }
    return { contentType, content };
  }

  /** A provider's statement of a day (YYYY-MM-DD), as it publishes it at `<its base>/statements/<yyyyMMdd>`. */
  async statement(provider: PaymentProvider, day: string): Promise<ProviderAnswer> {
    const { response, content } = await this.call(provider, `statements/${day.replaceAll('-', '')}`, { method: 'GET' });
    if (!response.ok) throw new ProviderUnreachableError(provider.code, `HTTP ${response.status} for the statement of ${day}`);
    return this.json(provider, response, content);
  }

  private post(provider: PaymentProvider, kind: PlatformMessageKind, message: PlatformMessage, extra: Record<string, unknown>): Promise<{ response: Response; content: Buffer }> {
    const signed = signPlatformMessage(kind, message, this.providers.keyOf(provider), provider.scheme);
    return this.call(provider, kind.toLowerCase().replace('_', '-'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...signed, ...extra }) });
  }

  /** One request within the timeout; a provider that cannot be reached, or fails (5xx), is unreachable. */
  private async call(provider: PaymentProvider, path: string, init: RequestInit): Promise<{ response: Response; content: Buffer }> {
    try {
      const response = await fetch(this.providers.urlOf(provider, path), { ...init, signal: AbortSignal.timeout(this.config.PAYMENT_PROVIDER_TIMEOUT_MS) });
      const content = Buffer.from(await response.arrayBuffer());
      if (response.status >= 500) throw new ProviderUnreachableError(provider.code, `HTTP ${response.status}`);
      return { response, content };
    } catch (error) {
      if (error instanceof ProviderUnreachableError) throw error;
      throw new ProviderUnreachableError(provider.code, error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${this.config.PAYMENT_PROVIDER_TIMEOUT_MS} ms` : String(error));
    }
  }

  private json(provider: PaymentProvider, response: Response, content: Buffer): ProviderAnswer {
    try {
      const answer: unknown = JSON.parse(content.toString('utf8'));
      if (typeof answer === 'object' && answer !== null && !Array.isArray(answer)) return answer as ProviderAnswer;
    } catch {
      // not JSON: said below
    }
    throw new ProviderUnreachableError(provider.code, `HTTP ${response.status} with a body that is no JSON object`);
  }
}
