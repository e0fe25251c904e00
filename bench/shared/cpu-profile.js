// Preloaded into every app when BENCH_CPU_PROFILE_DIR is set (bench/intake/run.sh): samples the app's whole life with
// V8's profiler and writes <dir>/<app>.cpuprofile when it stops. Nest re-raises SIGTERM after closing, which ends the
// process without an exit event, so the profile is written as the signal arrives (the shutdown itself is not in it).
const inspector = require('node:inspector');
const { writeFileSync } = require('node:fs');
const path = require('node:path');

const SAMPLING_INTERVAL_US = 500;
const app = (process.argv[1] ?? '').match(/apps\/([^/]+)\/src\/main/)?.[1];
const dir = process.env.BENCH_CPU_PROFILE_DIR;

if (app && dir) {
  const session = new inspector.Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
  session.post('Profiler.start');
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    // the inspector answers a session of the main thread synchronously: the file is written before the handler returns
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(path.join(dir, `${app}.cpuprofile`), JSON.stringify(result.profile));
    });
  };
  process.prependListener('SIGTERM', write);
  process.on('exit', write);
}
