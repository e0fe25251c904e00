// How every app runs from the compiled tree: Node 24, source maps, @lienthong/* aliases resolved in dist/.
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const APPS = require('./apps.json');

/** [executable, args] that start one app; KafkaJS 2.2.4's harmless negative-timeout warning is silenced. */
const appCommand = (name) => [
  process.execPath,
  ['--enable-source-maps', '--disable-warning=TimeoutNegativeWarning', '-r', path.join(ROOT, 'scripts/register-paths.js'), path.join(ROOT, 'dist/apps', name, 'src/main.js')],
];

module.exports = { ROOT, APPS, appCommand };
