import type { SignatureSchemeName } from './signature-scheme';

export const PROVIDER_KINDS = ['payment-platform', 'bank', 'intermediary'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

/** A provider fees are paid through: the portal's payment platform, a bank or an intermediary. */
export interface PaymentProvider {
  /** Its system in the registry: the one whose credentials its callbacks come through the gateway with. */
  systemId: string;
  /** MaNganHang: how messages name it, the subsystem part of its system id (VCB, VNPAY, PAYGOV). */
  code: string;
  name: string;
  kind: ProviderKind;
  scheme: SignatureSchemeName;
}

/** What the registry knows of a participant, enough to tell a provider. */
export interface ProviderParticipant {
  id: string;
  name: string;
  kind: string;
}

const isProviderKind = (kind: string): kind is ProviderKind => (PROVIDER_KINDS as readonly string[]).includes(kind);

/**
 * The demo's providers among the registry's participants, each with a scheme as the real ones differ: the platform
 * signs as message version 1.0.6 says, the banks with HMAC-SHA256, the intermediaries alternately with HMAC-SHA1 and
 * HMAC-SHA256. Production providers and their schemes come from their contracts, not from this.
 */
export function demoPaymentProviders(participants: readonly ProviderParticipant[]): PaymentProvider[] {
  let intermediaries = 0;
  return participants.flatMap(({ id, name, kind }) => {
    if (!isProviderKind(kind)) return [];
    const scheme: SignatureSchemeName = kind === 'payment-platform' ? 'sha256-secret-suffix' : kind === 'bank' ? 'hmac-sha256' : intermediaries++ % 2 === 0 ? 'hmac-sha1' : 'hmac-sha256';
    return [{ systemId: id, code: id.split('/')[3], name, kind, scheme }];
  });
}

/** Providers found by MaNganHang or by their system in the registry. */
export class ProviderDirectory {
  private readonly byCode: ReadonlyMap<string, PaymentProvider>;
  private readonly bySystem: ReadonlyMap<string, PaymentProvider>;

  constructor(providers: readonly PaymentProvider[]) {
    this.byCode = new Map(providers.map((p) => [p.code, p]));
    this.bySystem = new Map(providers.map((p) => [p.systemId, p]));
  }

  all(): PaymentProvider[] {
    return [...this.byCode.values()];
  }

  withCode(code: string): PaymentProvider | undefined {
    return this.byCode.get(code);
  }

  /** Whom a callback came from. */
  ofSystem(systemId: string): PaymentProvider | undefined {
    return this.bySystem.get(systemId);
  }
}
