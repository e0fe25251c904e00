#!/usr/bin/env bash
# npm run bench:gateway: build, infrastructure (with a bench database), then the side-by-side measurement.
. "$(dirname "$0")/../shared/prepare.sh" lienthong_bench
# run.js is also the load generator, which belongs on core 0 with the upstream (it pins what it starts itself)
if command -v taskset >/dev/null; then exec taskset -c 0 node bench/gateway/run.js; fi
exec node bench/gateway/run.js
