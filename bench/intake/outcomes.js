// What became of acknowledged dossiers, read from the backbone's own tables in batches: the first status back (the
// first status report beyond 1 that intake kept, timed when intake received it), the stages on the way there, and
// when everything a dossier causes is done.
const { histogram, percentiles } = require('../shared/latency');

const POLL_MS = 500;
const PROCESSING = 4; // the simulated province's last push
// e-mails to the applicant: submitted, accepted, processing (the e2e journey's three)
const MAILS_PER_DOSSIER = 3;

const FIRST_STATUS_BACK = `SELECT r.dossier_code AS code, min(r.occurred_at) AS at FROM intake.dossier_status_reports r
  WHERE r.dossier_code = ANY($1) AND r.status > 1 GROUP BY r.dossier_code`;
const STAGES = `SELECT d.code, d.submitted_at, c.created_at AS queued_at, c.delivered_at FROM intake.dossiers d
  JOIN connector.deliveries c ON c.subject = d.code WHERE d.code = ANY($1)`;
const PERSISTED = `SELECT count(*)::int AS n FROM intake.dossiers WHERE code = ANY($1)`;
const UNSETTLED = `SELECT (SELECT count(*)::int FROM intake.dossiers WHERE code = ANY($1) AND status < ${PROCESSING}) AS dossiers,
  $2::int - (SELECT count(*)::int FROM notification.notifications WHERE dossier_code = ANY($1) AND status = 'sent') AS mails`;

const pause = (ms) => new Promise((r) => setTimeout(r, ms));
const latencyOf = (values) => {
  const latenciesUs = histogram();
  values.forEach((ms) => latenciesUs.recordValue(Math.max(0, Math.round(ms * 1000))));
  return percentiles(latenciesUs);
};

/**
 * Waits until every acknowledged dossier has its first status back, or `deadlineMs` passes. Answers the dossiers/s from
 * the first submission's start to the last first status back, latency percentiles, and how many acknowledged
 * dossiers were lost: not persisted, or without a status back by the deadline.
 */
async function firstStatusBack(db, acknowledged, deadlineMs) {
  const startedAt = new Map(acknowledged.map((d) => [d.code, d.startedAt]));
  const backAt = new Map();
  const deadline = Date.now() + deadlineMs;
  for (let pending = [...startedAt.keys()]; pending.length > 0 && Date.now() < deadline; pending = pending.filter((code) => !backAt.has(code))) {
    const { rows } = await db.query(FIRST_STATUS_BACK, [pending]);
    rows.forEach((row) => backAt.set(row.code, row.at.getTime()));
    if (rows.length < pending.length) await pause(POLL_MS);
  }
  const codes = [...startedAt.keys()];
  const persisted = (await db.query(PERSISTED, [codes])).rows[0].n;
  const first = Math.min(...startedAt.values());
  const last = Math.max(...backAt.values());
  return {
    dossiers: codes.length,
    perSecond: backAt.size === 0 ? 0 : Math.round(backAt.size / ((last - first) / 1000)),
    ...latencyOf([...backAt].map(([code, at]) => at - startedAt.get(code))),
    notPersisted: codes.length - persisted,
    lost: codes.length - backAt.size,
    stages: await stagesOf(db, startedAt, backAt),
  };
}

/** p50/p99 of each leg: gateway + intake, outbox → Kafka → connector, connector's queue + the call, the status pushed back. */
async function stagesOf(db, startedAt, backAt) {
  const { rows } = await db.query(STAGES, [[...backAt.keys()]]);
  const done = rows.filter((r) => r.delivered_at);
  const leg = (from, to) => {
    const { p50, p99 } = latencyOf(done.map((r) => to(r) - from(r)));
    return { p50, p99 };
  };
  return {
    submitted: leg((r) => startedAt.get(r.code), (r) => r.submitted_at.getTime()),
    queuedForDelivery: leg((r) => r.submitted_at.getTime(), (r) => r.queued_at.getTime()),
    delivered: leg((r) => r.queued_at.getTime(), (r) => r.delivered_at.getTime()),
    statusBack: leg((r) => r.delivered_at.getTime(), (r) => backAt.get(r.code)),
  };
}

/**
 * Waits until the dossiers reached the province's last status and every e-mail is sent, so that no backlog weighs on
 * what follows, or `deadlineMs` passes; answers the seconds waited and what was still to do then.
 */
async function settled(db, codes, deadlineMs) {
  const start = Date.now();
  for (;;) {
    const { dossiers, mails } = (await db.query(UNSETTLED, [codes, codes.length * MAILS_PER_DOSSIER])).rows[0];
    const seconds = Number(((Date.now() - start) / 1000).toFixed(1));
    if ((dossiers === 0 && mails <= 0) || Date.now() - start > deadlineMs) return { seconds, dossiersNotProcessing: dossiers, mailsUnsent: Math.max(0, mails) };
    await pause(POLL_MS);
  }
}

module.exports = { firstStatusBack, settled };
