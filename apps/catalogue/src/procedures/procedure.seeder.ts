import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CatalogueEnv } from '../config';
import { ProcedureImportService } from './procedure-import.service';

/** Imports the bundled national records at boot; being an import, a restart with the same files changes nothing. */
@Injectable()
export class ProcedureSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('ProcedureSeeder');

  constructor(private readonly config: CatalogueEnv, private readonly importer: ProcedureImportService) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.CATALOGUE_SEED_ON_START) return;
    const dir = this.config.CATALOGUE_SEED_DIR;
    const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
    const records: unknown[] = [];
    let unreadable = 0;
    for (const file of files) {
      try {
        // a file holds one record, or an array of them
        records.push(...[JSON.parse(await readFile(join(dir, file), 'utf8')) as unknown].flat());
      } catch (error) {
        unreadable += 1;
        this.logger.warn(`seed file ${file} rejected: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    const { imported, unchanged, rejected } = await this.importer.importRecords(records);
    for (const { code, reason } of rejected) this.logger.warn(`seed record ${code ?? '(no code)'} rejected: ${reason}`);
    this.logger.log(`seeded from ${dir}: ${imported} imported, ${unchanged} unchanged, ${rejected.length + unreadable} rejected`);
  }
}
