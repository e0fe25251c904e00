import { DataSource } from 'typeorm';
import { loadConfig } from '@lienthong/platform-config';
import { dataSourceOptions } from '@lienthong/platform-database';
import { GatewayEnv } from '../config';
import { AuditAnchor } from './audit-anchor.entity';
import { AuditEntry } from './audit-entry.entity';
import { AuditRepository } from './audit.repository';
import { describeVerdict, verifyAuditLog } from './audit.verifier';

/**
 * `npm run audit:verify`: walks the gateway's audit hash chain and its anchors, prints that it is intact or the
 * first broken link, and exits 0 or 1. Reads only; never runs migrations.
 */
async function main(): Promise<number> {
  const config = loadConfig(GatewayEnv);
  const options = dataSourceOptions({ url: config.DATABASE_URL, schema: 'gateway', entities: [AuditEntry, AuditAnchor], migrations: [], poolSize: 1 });
  const dataSource = await new DataSource(options).initialize();
  try {
    const verdict = await verifyAuditLog(new AuditRepository(dataSource));
    console.log(describeVerdict(verdict));
    return verdict.intact ? 0 : 1;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`audit verification could not run: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
