import { Injectable } from '@nestjs/common';
import type { SystemProtocol } from '../systems/connected-system.entity';
import { DvcqgSessionAdapter } from './dvcqg-session/dvcqg-session.adapter';
import type { SystemAdapter } from './system-adapter';

/** The adapter of each protocol; adding a protocol without an adapter does not compile. */
@Injectable()
export class AdapterRegistry {
  private readonly adapters: Record<SystemProtocol, SystemAdapter>;

  constructor(dvcqgSession: DvcqgSessionAdapter) {
    this.adapters = { DVCQG_SESSION: dvcqgSession };
  }

  adapterFor(protocol: SystemProtocol): SystemAdapter {
    return this.adapters[protocol];
  }
}
