import { Controller, Get } from '@nestjs/common';
import { SystemRepository } from './system.repository';

/** The registry of connected legacy systems, as operators see it: no secrets, only where they come from. */
@Controller('systems')
export class SystemsController {
  constructor(private readonly systems: SystemRepository) {}

  @Get()
  async list() {
    const systems = await this.systems.list();
    return {
      items: systems.map((s) => ({
        code: s.code,
        name: s.name,
        agencyCode: s.agencyCode,
        provinceCode: s.provinceCode,
        protocol: s.protocol,
        endpoint: s.endpoint,
        username: s.username,
        credentialsRef: s.credentialsRef,
        callTimeoutMs: s.callTimeoutMs,
        syncMode: s.syncMode,
        pollIntervalMs: s.pollIntervalMs,
        enabled: s.enabled,
        createdAt: s.createdAt.toISOString(),
      })),
    };
  }
}
