// Baseline 2: raw single-row INSERTs with pg, one statement (and so one commit) per row, into a scratch table shaped as
// intake.dossiers (its columns, keys and indexes), at most `concurrency` at a time on as many connections. Answers
// rows/s and the latency percentiles of one INSERT.
const { Pool } = require('pg');
const { histogram, percentiles } = require('../shared/latency');
const { closedLoop } = require('./closed-loop');

const COLUMNS = ['code', 'source_system', 'partner_reference', 'procedure_code', 'procedure_name', 'case_code', 'agency_code', 'province_code', 'channel', 'applicant', 'contact', 'summary', 'status', 'submitted_at', 'updated_at'];

/** `rowOf(i)` answers the values of row i in COLUMNS' order. */
async function pgBaseline({ databaseUrl, count, concurrency, rowOf }) {
  const pool = new Pool({ connectionString: databaseUrl, max: concurrency });
  const table = `public.bench_dossier_inserts_${Date.now().toString(36)}`;
  const insert = `INSERT INTO ${table} (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`;
  const latenciesUs = histogram();
  let failed = 0;
  await pool.query(`CREATE TABLE ${table} (LIKE intake.dossiers INCLUDING ALL)`);
  try {
    // every connection opened before the clock starts, as the backbone's pools are open when it is measured
    const clients = await Promise.all(Array.from({ length: concurrency }, () => pool.connect()));
    clients.forEach((client) => client.release());
    const start = performance.now();
    await closedLoop(count, concurrency, async (i) => {
      const sentAt = performance.now();
      try {
        await pool.query(insert, rowOf(i));
        latenciesUs.recordValue(Math.round((performance.now() - sentAt) * 1000));
      } catch {
        failed++;
      }
    });
    const seconds = (performance.now() - start) / 1000;
    return { rows: count - failed, perSecond: Math.round((count - failed) / seconds), ...percentiles(latenciesUs), failed };
  } finally {
    await pool.query(`DROP TABLE ${table}`);
    await pool.end();
  }
}

module.exports = { pgBaseline, COLUMNS };
