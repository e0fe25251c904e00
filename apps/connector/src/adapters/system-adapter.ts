import type { DossierSubmittedV1 } from '@lienthong/contracts';
import type { ConnectedSystem } from '../systems/connected-system.entity';
import type { Deadline } from './deadline';
import type { LegacyCall, ServiceMapping } from './service-call';
import type { StatusLookup } from './status-lookup';

/** Speaks one protocol: delivers canonical dossiers to a system in its dialect, calls the services it offers, looks statuses up. */
export interface SystemAdapter {
  /** Resolves once the system has accepted the dossier; throws LegacyCallError when it has not. */
  deliverDossier(system: ConnectedSystem, dossier: DossierSubmittedV1): Promise<void>;

  /** The services of the protocol that clients may call through the backbone, by service code. */
  readonly services: ReadonlyMap<string, ServiceMapping>;

  /** Makes the call within the deadline and answers what the system answered, unchanged; throws LegacyCallError when it could not. */
  callService(system: ConnectedSystem, call: LegacyCall, deadline: Deadline): Promise<unknown>;

  /** The call (made with callService) that asks a system for a dossier's status, for systems that cannot push it. */
  readonly statusLookup: StatusLookup;
}
