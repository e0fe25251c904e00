import { Injectable, Logger } from '@nestjs/common';
import { BackgroundRuns } from '../background-runs';
import { LegacySimEnv } from '../config';
import { GatewayCallResult } from '../gateway-call';
import { LATE_CALLBACK_MS, ProviderFaultSwitch } from './provider-fault.switch';
import { ProviderTransaction } from './provider-ledger';
import { CANCELLED, outcomeMessage, PAID } from './provider-messages';
import { SimProviders } from './sim-providers';

const CALLBACK_PATH = '/v1/payments/callbacks';
const MAX_ATTEMPTS = 8;
/** A stale report goes out as if written this long before the real one. */
const STALE_BY_MS = 60000;
/** What a forger signs with: not the provider's key. */
const FORGER_KEY = 'not-the-provider-key';

/**
 * Tells the portal, through the gateway and with the provider's own credentials, how a transaction ended: as real
 * providers do, again until it is taken (or refused), and as switched per provider late, twice, followed by a stale
 * contrary report, forged, or never.
 */
@Injectable()
export class CallbackSender extends BackgroundRuns {
  private readonly logger = new Logger(CallbackSender.name);

  constructor(private readonly config: LegacySimEnv, private readonly providers: SimProviders, private readonly faults: ProviderFaultSwitch) {
    super();
  }

  send(transaction: ProviderTransaction): void {
    this.runInBackground(() => this.tell(transaction));
  }

  private async tell(transaction: ProviderTransaction): Promise<void> {
    const fault = this.faults.of(transaction.provider.code);
    if (fault === 'no-callback') return;
    if (fault === 'late' && !(await this.pause(LATE_CALLBACK_MS))) return;
    const outcome = transaction.state === 'paid' ? PAID : CANCELLED;
    const at = transaction.settledAt ?? new Date();
    await this.deliver(transaction, outcome, at, fault === 'forged');
    if (fault === 'duplicate') await this.deliver(transaction, outcome, at, false);
    if (fault === 'reorder' && outcome === PAID) await this.deliver(transaction, CANCELLED, new Date(at.getTime() - STALE_BY_MS), false);
  }

  private async deliver(transaction: ProviderTransaction, outcome: string, at: Date, forged: boolean): Promise<void> {
    const { provider } = transaction;
    const message = outcomeMessage(transaction, outcome, at, forged ? FORGER_KEY : this.providers.keyOf(provider));
    const note = (result: GatewayCallResult) =>
      transaction.callbacks.push({ MaLoi: outcome, forged, sentAt: new Date().toISOString(), ...(result.answered ? { httpStatus: result.httpStatus, answer: result.text.slice(0, 500) } : { answer: result.error }) });
    if (await this.postUntilTaken(this.config, provider.systemId, CALLBACK_PATH, message, MAX_ATTEMPTS, note)) return;
    if (!this.signal.aborted) this.logger.warn(`${provider.code} gave up its callback on ${transaction.reference} after ${MAX_ATTEMPTS} attempts`);
  }
}
