import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './infrastructure';
import { waitFor } from './wait-for';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { APPS, appCommand, processOf } = require(join(REPO_ROOT, 'scripts/app-command.js')) as {
  APPS: { name: string; port: number }[];
  appCommand: (name: string) => [string, string[]];
  processOf: (name: string) => { port: number; env: Record<string, string> };
};

/** Ports shifted by this much, so tests never collide with a backbone started by `npm start`. */
const TEST_PORT_SHIFT = 100;
const LOG_DIR = join(REPO_ROOT, '.infra', 'test-logs');

/**
 * The apps as separate processes from the compiled tree (as `npm start` runs them), wired to each other
 * on shifted ports and to the test database. Logs go to .infra/test-logs/<app>.log.
 */
export class AppProcesses {
  private readonly running = new Map<string, ChildProcess>();
  readonly smtpPort = 2525 + TEST_PORT_SHIFT;

  constructor(private readonly extraEnv: Record<string, string> = {}) {
    mkdirSync(LOG_DIR, { recursive: true });
  }

  url(name: string): string {
    return `http://127.0.0.1:${processOf(name).port + TEST_PORT_SHIFT}`;
  }

  async startAll(): Promise<void> {
    await Promise.all(APPS.map((a) => this.start(a.name)));
  }

  async start(name: string): Promise<void> {
    const [exe, args] = appCommand(name);
    const log = createWriteStream(join(LOG_DIR, `${name}.log`), { flags: 'a' });
    const child = spawn(exe, args, { cwd: REPO_ROOT, env: this.envFor(name), stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
    this.running.set(name, child);
    await waitFor(async () => child.exitCode === null && (await fetch(`${this.url(name)}/health/ready`)).ok, `${name} ready`, 90000, 250);
  }

  /** Sends a signal and waits for the process to exit. */
  async kill(name: string, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.running.get(name);
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
    this.running.delete(name);
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.running.keys()].map((name) => this.kill(name)));
  }

  private envFor(name: string): NodeJS.ProcessEnv {
    return {
      ...process.env,
      PORT: String(new URL(this.url(name)).port),
      GATEWAY_URL: this.url('gateway'),
      INTAKE_URL: this.url('intake'),
      CATALOGUE_URL: this.url('catalogue'),
      CONNECTOR_URL: this.url('connector'),
      PAYMENT_URL: this.url('payment'),
      NOTIFICATION_URL: this.url('notification'),
      SMS_GATEWAY_URL: `${this.url('legacy-sim')}/sms`,
      ONE_STOP_BASE_URL: `${this.url('legacy-sim')}/one-stop`,
      PAYMENT_PROVIDER_BASE_URL: `${this.url('legacy-sim')}/providers`,
      LEGACY_SIM_PUBLIC_URL: this.url('legacy-sim'),
      SMTP_PORT: String(this.smtpPort),
      SMTP_URL: `smtp://127.0.0.1:${this.smtpPort}`,
      ...processOf(name).env,
      ...this.extraEnv,
    };
  }
}
