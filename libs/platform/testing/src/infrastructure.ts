import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { TEST_DATABASE_URL } from './test-env';

export const REPO_ROOT = join(__dirname, '..', '..', '..', '..');

/**
 * The one place tests get their infrastructure. On this kind of machine (no Docker engine) that is the
 * project's own scripts: Kafka from Maven Central jars, the local PostgreSQL and Redis. Idempotent.
 */
export function ensureTestInfrastructure(): void {
  execFileSync('bash', [join(REPO_ROOT, 'scripts/infra/up.sh')], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, LIENTHONG_TEST_DATABASE_URL: TEST_DATABASE_URL },
  });
}
