#!/usr/bin/env bash
# npm run bench:gateway: build, infrastructure (with a bench database), then the side-by-side measurement.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash scripts/prepare.sh
. scripts/bootstrap-node.sh
BENCH_DATABASE_URL="${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/lienthong_bench}"
LIENTHONG_TEST_DATABASE_URL="$BENCH_DATABASE_URL" bash scripts/infra/up.sh
BENCH_DATABASE_URL="$BENCH_DATABASE_URL" exec node bench/gateway/run.js
