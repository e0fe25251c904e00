// Starts every app in one terminal (log lines prefixed by app), waits until each is ready, then prints
// how to use the backbone. Ctrl-C stops them all; each finishes its in-flight work first.
const { concurrently } = require('concurrently');
const { APPS, appCommand, processOf } = require('./app-command');
const { CIVIL_REGISTRY_SYSTEM, demoApiKeyOf, NATIONAL_PORTAL_SYSTEM, OPERATOR_SYSTEM } = require('../dist/libs/domain/registry/src');
const { dossierSubmission } = require('../dist/libs/platform/testing/src/dossier-submission');

const quote = (s) => (/^[\w./:=@-]+$/.test(s) ? s : `'${s}'`);
const { result } = concurrently(
  APPS.map(({ name, port }) => {
    const [exe, args] = appCommand(name);
    return { name, command: [exe, ...args].map(quote).join(' '), env: { LOG_FORMAT: process.env.LOG_FORMAT ?? 'pretty', PORT: String(port), ...processOf(name).env } };
  }),
  { prefix: 'name', killOthersOn: ['failure'], killSignal: 'SIGTERM', padPrefix: true },
);

async function ready(port, deadline) {
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the app on port ${port} was not ready in time`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function banner() {
  const deadline = Date.now() + 120_000;
  await Promise.all(APPS.map(({ port }) => ready(port, deadline)));
  const secret = process.env.DEMO_SEED_SECRET ?? 'lienthong-local-demo';
  const key = demoApiKeyOf(secret, NATIONAL_PORTAL_SYSTEM);
  const body = JSON.stringify(dossierSubmission(`demo-${Date.now()}`));
  const operatorKey = demoApiKeyOf(secret, OPERATOR_SYSTEM);
  const processes = APPS.map(({ name, port }) => `${name} :${port}`).join(', ');
  console.log(`
================================================================================
 Lienthong is up.   Gateway: http://127.0.0.1:3000
 Demo client (national portal): ${NATIONAL_PORTAL_SYSTEM}
   API key: ${key}
 Operators (${OPERATOR_SYSTEM}) API key: ${operatorKey}
 Processes: ${processes}

 Submit a dossier:
   curl -s -X POST http://127.0.0.1:3000/v1/dossiers -H 'content-type: application/json' \\
     -H 'x-api-key: ${key}' -d '${body}'
 Follow it (status 1 → 2 → 4 within seconds):
   curl -s http://127.0.0.1:3000/v1/dossiers/<code> -H 'x-api-key: ${key}'
 Look it up in Thanh Hóa's one-stop system as the civil registry would (through the connector, X-Road style):
   curl -s http://127.0.0.1:3000/v1/systems/VN/GOV/000.00.00.H56/MOTCUA/services/tra-cuu-ho-so/<code> \\
     -H 'x-api-key: ${demoApiKeyOf(secret, CIVIL_REGISTRY_SYSTEM)}'
 Its journey across systems (deliveries, statuses, notifications), as operators see it:
   curl -s http://127.0.0.1:3000/v1/operator/dossiers/<code>/journey -H 'x-api-key: ${operatorKey}'
 The calls through the gateway about it, its submission among them, newest first (recorded by gateway-recorder):
   curl -s 'http://127.0.0.1:3000/v1/operator/exchanges?subject=<code>' -H 'x-api-key: ${operatorKey}'
 E-mails the applicant received (SMTP sink of legacy-sim):
   curl -s 'http://127.0.0.1:3006/smtp/messages?to=an.nguyen@example.vn'
 Ctrl-C stops every app (Kafka keeps running: npm run infra:down stops it).
================================================================================
`);
}

banner().catch((error) => console.error(`start: ${error.message}`));
result.then(
  () => process.exit(0),
  () => process.exit(1),
);
