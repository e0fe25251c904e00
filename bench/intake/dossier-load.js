// Dossiers submitted through the gateway as the national portal submits them (e2e's submission(...)), each timed on the
// wall clock, the clock of the backbone's own timestamps, from when it was sent (closed loop) or due (open loop).
const { Pool } = require('undici');
const { PROVINCES } = require('../../dist/libs/domain/dossier/src');
const { openLoop } = require('../shared/open-loop');
const { closedLoop } = require('./closed-loop');
const { PROCEDURE } = require('./backbone');
require('../shared/typescript');
const { dossierSubmission } = require('../../libs/platform/testing/src/dossier-submission.ts');

// One agency in each province: a national load comes from all of them, and an agency numbers its dossiers of the day one
// by one, 9,999 at most, so that one agency alone would run out after a few runs a day.
const AGENCIES = Object.keys(PROVINCES).map((province) => `000.00.06.${province}`);
// How long an answer is awaited; a submission still unanswered then counts as failed.
const ANSWER_TIMEOUT_MS = 30000;

const wallClock = (t) => performance.timeOrigin + t;

const submission = (partnerReference, i) =>
  dossierSubmission(partnerReference, {
    procedureCode: PROCEDURE,
    caseCode: `${PROCEDURE}.01`,
    agencyCode: AGENCIES[i % AGENCIES.length],
    // an applicant of its own, as in a real load: one recipient's messages beyond the per-recipient limit would wait
    contact: { email: `${partnerReference}@example.vn`, phone: `09${String(i % 100_000_000).padStart(8, '0')}` },
  });

/**
 * Submissions of one phase, partner references `${run}-${i}`. Answers the acknowledged ones ({code, startedAt} with
 * startedAt in epoch ms), how many were refused (any answer but 201, also by status) or failed (no answer), and the
 * acknowledgements' rate.
 */
class DossierLoad {
  constructor({ gatewayUrl, token, run, connections }) {
    this.pool = new Pool(gatewayUrl, { connections, headersTimeout: ANSWER_TIMEOUT_MS, bodyTimeout: ANSWER_TIMEOUT_MS });
    this.headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    this.run = run;
    this.acknowledged = [];
    this.refused = {}; // HTTP status → count
    this.failed = 0;
    this.lastAnswerAt = 0;
  }

  async submit(i, startedAt) {
    try {
      const body = JSON.stringify(submission(`${this.run}-${i}`, i));
      const { statusCode, body: answer } = await this.pool.request({ path: '/v1/dossiers', method: 'POST', headers: this.headers, body });
      const text = await answer.text();
      this.lastAnswerAt = performance.now();
      if (statusCode === 201) this.acknowledged.push({ code: JSON.parse(text).code, startedAt: wallClock(startedAt) });
      else this.refused[statusCode] = (this.refused[statusCode] ?? 0) + 1;
    } catch {
      this.failed++;
    }
  }

  async result(firstStartedAt) {
    await this.pool.destroy();
    const seconds = (this.lastAnswerAt - firstStartedAt) / 1000;
    const refused = Object.values(this.refused).reduce((sum, n) => sum + n, 0);
    return { acknowledged: this.acknowledged, refused, refusedByStatus: this.refused, failed: this.failed, ackRate: Math.round(this.acknowledged.length / seconds) };
  }
}

/** `count` dossiers, at most `concurrency` in flight, each sent as soon as a slot is free. */
async function submitAtFullLoad({ count, concurrency, ...options }) {
  const load = new DossierLoad({ ...options, connections: concurrency });
  const start = performance.now();
  await closedLoop(count, concurrency, (i) => load.submit(i, performance.now()));
  return load.result(start);
}

/** `rate` dossiers a second for `durationS` seconds, each timed from when it was due (an open loop). */
async function submitAtRate({ rate, durationS, connections, ...options }) {
  const load = new DossierLoad({ ...options, connections });
  const count = Math.round(rate * durationS);
  const sent = [];
  const start = performance.now();
  await openLoop({ rate, count, send: (dueAt, i) => sent.push(load.submit(i, dueAt)) });
  await Promise.all(sent);
  return load.result(start);
}

module.exports = { submitAtFullLoad, submitAtRate, submission };
