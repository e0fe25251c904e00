import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { ConnectedSystem } from './connected-system.entity';

export type SystemRegistration = Omit<ConnectedSystem, 'enabled' | 'callTimeoutMs' | 'syncMode' | 'pollIntervalMs' | 'createdAt'>;

@Injectable()
export class SystemRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Registers or refreshes systems; an operator's enabled/disabled choice, timeout and sync mode survive the refresh. */
  async upsert(systems: SystemRegistration[]): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(ConnectedSystem)
      .values(systems.map((s) => ({ ...s, enabled: true })))
      .orUpdate(['name', 'agency_code', 'province_code', 'protocol', 'endpoint', 'username', 'credentials_ref'], ['code'])
      .execute();
  }

  /** The system that processes each province's dossiers, by province code, in one query; the lowest code wins if a province has several. */
  async findEnabledForProvinces(manager: EntityManager, provinceCodes: readonly string[]): Promise<Map<string, ConnectedSystem>> {
    const systems = await manager.getRepository(ConnectedSystem).find({ where: { provinceCode: In([...new Set(provinceCodes)]), enabled: true }, order: { code: 'DESC' } });
    // from the highest code down: a province's lowest is set last
    return new Map(systems.map((s) => [s.provinceCode!, s]));
  }

  /** The systems of these codes (repeats allowed), by code, in one query. */
  async findByCodes(manager: EntityManager, codes: readonly string[]): Promise<Map<string, ConnectedSystem>> {
    const systems = await manager.getRepository(ConnectedSystem).findBy({ code: In([...new Set(codes)]) });
    return new Map(systems.map((s) => [s.code, s]));
  }

  findByCode(code: string): Promise<ConnectedSystem | null> {
    return this.dataSource.getRepository(ConnectedSystem).findOneBy({ code });
  }

  list(): Promise<ConnectedSystem[]> {
    return this.dataSource.getRepository(ConnectedSystem).find({ order: { code: 'ASC' } });
  }
}
