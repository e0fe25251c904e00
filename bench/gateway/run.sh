#!/usr/bin/env bash
# npm run bench:gateway: build, infrastructure (with a bench database), then the side-by-side measurement.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash scripts/prepare.sh
. scripts/bootstrap-node.sh
BENCH_DATABASE_URL="${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/lienthong_bench}"
LIENTHONG_TEST_DATABASE_URL="$BENCH_DATABASE_URL" bash scripts/infra/up.sh
export BENCH_DATABASE_URL
# run.js is also the load generator, which belongs on core 0 with the upstream (it pins what it starts itself)
if command -v taskset >/dev/null; then exec taskset -c 0 node bench/gateway/run.js; fi
exec node bench/gateway/run.js
