import { Injectable } from '@nestjs/common';
import { demoLegacyPasswordOf } from '@lienthong/domain-registry';
import { LegacyCallError } from '../adapters/legacy-call-error';
import { ConnectorEnv } from '../config';
import type { ConnectedSystem } from './connected-system.entity';

/** credentials_ref of the seeded demo systems: the password is derived from DEMO_SEED_SECRET, never stored. */
export const DEMO_CREDENTIALS_REF = 'demo-seed';

/** Resolves a system's password from its credentials reference at the moment it is needed. */
@Injectable()
export class SystemCredentials {
  constructor(private readonly config: ConnectorEnv) {}

  passwordOf(system: ConnectedSystem): string {
    if (system.credentialsRef === DEMO_CREDENTIALS_REF && system.provinceCode) {
      return demoLegacyPasswordOf(this.config.DEMO_SEED_SECRET, system.provinceCode);
    }
    throw new LegacyCallError(`no way to obtain the password of ${system.code} (credentials reference "${system.credentialsRef}")`);
  }
}
