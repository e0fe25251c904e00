#!/usr/bin/env bash
# Sourced by a bench's run.sh with the name of its own database: the build, Node 24, and the infrastructure with that
# database (BENCH_DATABASE_URL, exported; set it to use another).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
bash scripts/prepare.sh
. scripts/bootstrap-node.sh
BENCH_DATABASE_URL="${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/$1}"
LIENTHONG_TEST_DATABASE_URL="$BENCH_DATABASE_URL" bash scripts/infra/up.sh
export BENCH_DATABASE_URL
