import { Injectable } from '@nestjs/common';
import { PROVINCES } from '@lienthong/domain-dossier';
import { demoPaymentProviders, PaymentProvider, ProviderDirectory } from '@lienthong/domain-payment';
import { demoPaymentKeyOf, participantCatalogue } from '@lienthong/domain-registry';
import { PaymentEnv } from '../config';

/**
 * The providers fees can be paid through: the registry's payment platform, banks and intermediaries, each with its
 * signature scheme, its key and where it answers. The keys of the demo providers are derived from DEMO_SEED_SECRET, as
 * legacy-sim derives them; they are never logged or stored.
 */
@Injectable()
export class PaymentProviders extends ProviderDirectory {
  constructor(private readonly config: PaymentEnv) {
    super(demoPaymentProviders(participantCatalogue(PROVINCES)));
  }

  keyOf(provider: PaymentProvider): string {
    return demoPaymentKeyOf(this.config.DEMO_SEED_SECRET, provider.systemId);
  }

  urlOf(provider: PaymentProvider, path: string): string {
    return `${this.config.PAYMENT_PROVIDER_BASE_URL}/${encodeURIComponent(provider.code)}/${path}`;
  }
}
