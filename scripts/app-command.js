// How every app runs from the compiled tree: Node 24, source maps, @lienthong/* aliases resolved in dist/.
// apps.json lists the processes of the backbone: each runs the app of its name (or `app`) with its own `env`. The
// gateway runs as two: the edge that serves every call and leaves its exchange records to the recorder, which stores
// them (table, audit log, exchange.recorded.v1), as a deployment does that keeps that work off the calls' way.
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const APPS = require('./apps.json');

/** The process of apps.json named `name`. */
const processOf = (name) => {
  const found = APPS.find((a) => a.name === name);
  if (!found) throw new Error(`no app ${name} in scripts/apps.json`);
  return { app: name, env: {}, ...found };
};

/** [executable, args] that start one process of apps.json. */
const appCommand = (name) => [
  process.execPath,
  ['--enable-source-maps', '-r', path.join(ROOT, 'scripts/register-paths.js'), path.join(ROOT, 'dist/apps', processOf(name).app, 'src/main.js')],
];

module.exports = { ROOT, APPS, appCommand, processOf };
