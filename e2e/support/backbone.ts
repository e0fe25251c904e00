import { Client } from 'pg';
import { demoApiKeyOf, demoClientSecretOf, NATIONAL_PORTAL_SYSTEM, oneStopSystemOf } from '@lienthong/domain-registry';
import { AppProcesses, dossierSubmission, request, TEST_DATABASE_URL, waitFor } from '@lienthong/platform-testing';

const SECRET = 'e2e-seed-secret';

/** The whole backbone as separate processes, with the clients a test plays. */
export class Backbone {
  readonly apps = new AppProcesses({
    DEMO_SEED_SECRET: SECRET,
    RATE_LIMIT_PER_SECOND: '100000',
    STATUS_PUSH_DELAY_MS: '20',
    DELIVERY_BACKOFF_BASE_MS: '200',
    DELIVERY_BACKOFF_CAP_MS: '2000',
    NOTIFY_BACKOFF_BASE_MS: '200',
    NOTIFY_BACKOFF_CAP_MS: '2000',
    // legacy-sim's slow fault answers after 3 s: a lookup times out, and a few failures open a circuit
    SERVICE_CALL_TIMEOUT_MS: '1000',
    BREAKER_MIN_CALLS: '3',
    BREAKER_RESET_MS: '2000',
    // the tests write to the same few applicants again and again
    NOTIFY_RECIPIENT_LIMIT: '1000000',
    // attempts without their provider's word are looked up after a second, not two minutes
    PAYMENT_QUERY_AFTER_MS: '1000',
    PAYMENT_QUERY_EVERY_MS: '1000',
    LOG_LEVEL: 'info',
  });
  readonly db = new Client({ connectionString: TEST_DATABASE_URL });
  readonly portalKey = { 'x-api-key': demoApiKeyOf(SECRET, NATIONAL_PORTAL_SYSTEM) };
  readonly keyOf = (system: string) => ({ 'x-api-key': demoApiKeyOf(SECRET, system) });
  readonly provinceKey = (province: string) => this.keyOf(oneStopSystemOf(province));
  readonly clientSecretOf = (system: string) => demoClientSecretOf(SECRET, system);

  async start(): Promise<void> {
    await this.db.connect();
    await this.apps.startAll();
    // intake learns procedures from catalogue events: wait until it holds the ones the tests use
    await waitFor(async () => (await this.db.query(`SELECT count(*)::int AS n FROM intake.procedures WHERE code IN ('1.000358', '1.013377')`)).rows[0].n === 2, 'procedures in intake', 60000);
  }

  async stop(): Promise<void> {
    await this.apps.stopAll();
    await this.db.end();
  }

  gateway(path: string, init: Parameters<typeof request>[1] = {}) {
    return request(`${this.apps.url('gateway')}${path}`, { ...init, headers: { ...this.portalKey, ...init.headers } });
  }

  async mailsTo(address: string): Promise<{ subject: string; text: string; messageId: string }[]> {
    const res = await request(`${this.apps.url('legacy-sim')}/smtp/messages?to=${encodeURIComponent(address)}`);
    return res.body as unknown as { subject: string; text: string; messageId: string }[];
  }

  async dossierStatus(code: string): Promise<number | undefined> {
    const res = await this.gateway(`/v1/dossiers/${code}`);
    return res.status === 200 ? (res.body.status as number) : undefined;
  }
}

export const submission = (partnerReference: string, email: string, overrides: Record<string, unknown> = {}) =>
  dossierSubmission(partnerReference, { contact: { email, phone: '0961234567' }, ...overrides });
