// The whole backbone for the bench: every app a separate process from the compiled tree, started and stopped by the
// e2e suite's AppProcesses, with a Kafka namespace, database (run.sh) and ports of its own, and a portal's OAuth token.
process.env.KAFKA_NAMESPACE ??= 'bench-intake';
const { readdirSync, readFileSync } = require('node:fs');
require('../shared/typescript');
const { AppProcesses } = require('../../libs/platform/testing/src/app-processes.ts');
const { TEST_DATABASE_URL } = require('../../libs/platform/testing/src/test-env.ts');
const { waitFor } = require('../../libs/platform/testing/src/wait-for.ts');
const { processOf } = require('../../scripts/app-command');
const { demoClientSecretOf, NATIONAL_PORTAL_SYSTEM } = require('../../dist/libs/domain/registry/src');

const SECRET = 'bench-seed-secret';
// e2e's apps listen 100 ports up from `npm start`'s, bench:gateway's at 3290–3293: this bench 200 up
const PORT_SHIFT = 200;
const PROCEDURE = '1.000358';
// /proc/<pid>/stat counts CPU time in clock ticks of 10 ms (USER_HZ, 100 on Linux)
const MS_PER_TICK = 10;
// utime, stime, cutime and cstime (fields 14–17 of proc(5)), counted from the field after the command's ')'
const CPU_FIELDS = [11, 12, 13, 14];
const KAFKA_PID_FILE = `${__dirname}/../../.infra/kafka/kafka.pid`;
// the infrastructure the backbone uses, counted as processes by their command names: every PostgreSQL backend, Redis
const SERVERS = { postgres: 'postgres', redis: 'redis-server' };

/**
 * User + system CPU ms so far of one process and of its children that have exited (0 once it is gone): a PostgreSQL
 * backend that ends between two readings is then still counted, in the postmaster that reaped it.
 */
function cpuMsOf(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return CPU_FIELDS.reduce((ticks, field) => ticks + Number(fields[field]), 0) * MS_PER_TICK;
  } catch {
    return 0;
  }
}

const commandOf = (pid) => {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return undefined;
  }
};

/** CPU ms so far of the broker and of every process of each server (a PostgreSQL backend per connection). */
function infrastructureCpuMs() {
  const pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  const servers = Object.entries(SERVERS).map(([name, command]) => [name, pids.filter((pid) => commandOf(pid) === command).reduce((sum, pid) => sum + cpuMsOf(pid), 0)]);
  const kafkaPid = readFileSync(KAFKA_PID_FILE, 'utf8').trim();
  return { kafka: cpuMsOf(kafkaPid), ...Object.fromEntries(servers) };
}

class Backbone extends AppProcesses {
  smtpPort = 2525 + PORT_SHIFT;

  /** `statusPushDelayMs`: how long a simulated province takes to accept a dossier (legacy-sim's default is 100 ms). */
  constructor({ statusPushDelayMs }) {
    super({
      DEMO_SEED_SECRET: SECRET,
      RATE_LIMIT_PER_SECOND: '100000000',
      DAILY_REQUEST_CAP: '1000000000',
      STATUS_PUSH_DELAY_MS: String(statusPushDelayMs),
      LOG_LEVEL: 'warn',
    });
  }

  url(name) {
    return `http://127.0.0.1:${processOf(name).port + PORT_SHIFT}`;
  }

  /** Every app ready, and intake holding the procedure the bench submits (it learns procedures from catalogue's events). */
  async startAll(db) {
    await super.startAll();
    await waitFor(async () => (await db.query(`SELECT 1 FROM intake.procedures WHERE code = $1`, [PROCEDURE])).rowCount === 1, 'the procedure in intake', 60000);
  }

  /** CPU time each app, Kafka, PostgreSQL and Redis have used so far, in ms (user + system); empty where there is no /proc. */
  cpuMs() {
    if (process.platform !== 'linux') return {};
    // the processes AppProcesses keeps (private to TypeScript only)
    const apps = [...this.running].map(([name, child]) => [name, cpuMsOf(child.pid)]);
    return { ...Object.fromEntries(apps), ...infrastructureCpuMs() };
  }

  /** A fresh access token of the national portal (client credentials grant); tokens live 5 minutes, so one per phase. */
  async portalToken() {
    const form = { grant_type: 'client_credentials', client_id: NATIONAL_PORTAL_SYSTEM, client_secret: demoClientSecretOf(SECRET, NATIONAL_PORTAL_SYSTEM) };
    const res = await fetch(`${this.url('gateway')}/oauth/token`, { method: 'POST', body: new URLSearchParams(form) });
    if (!res.ok) throw new Error(`no token for the portal: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()).access_token;
  }
}

module.exports = { Backbone, DATABASE_URL: TEST_DATABASE_URL, infrastructureCpuMs, PROCEDURE };
