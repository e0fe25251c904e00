import { PROVINCES } from '@lienthong/domain-dossier';
import { demoPaymentProviders, PaymentProvider, ProviderDirectory } from '@lienthong/domain-payment';
import { demoPaymentKeyOf, participantCatalogue } from '@lienthong/domain-registry';

/** The payment platform, banks and intermediaries legacy-sim plays, with the keys payment derives for them too. */
export class SimProviders extends ProviderDirectory {
  constructor(private readonly seedSecret: string) {
    super(demoPaymentProviders(participantCatalogue(PROVINCES)));
  }

  keyOf(provider: PaymentProvider): string {
    return demoPaymentKeyOf(this.seedSecret, provider.systemId);
  }
}
