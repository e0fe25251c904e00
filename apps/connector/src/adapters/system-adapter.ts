import type { DossierSubmittedV1 } from '@lienthong/contracts';
import type { ConnectedSystem } from '../systems/connected-system.entity';

/** Speaks one protocol: delivers a canonical dossier to a system in that system's dialect. */
export interface SystemAdapter {
  /** Resolves once the system has accepted the dossier; throws DeliveryError when it has not. */
  deliverDossier(system: ConnectedSystem, dossier: DossierSubmittedV1): Promise<void>;
}
