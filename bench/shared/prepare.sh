#!/usr/bin/env bash
# Sourced by a bench's run.sh with the name of its own database: the build, Node 24, and the infrastructure with that
# database (BENCH_DATABASE_URL, exported; set it to use another, which is then kept as it is).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
bash scripts/prepare.sh
. scripts/bootstrap-node.sh
# its own database starts empty at every run (what earlier runs left, never vacuumed where autovacuum is off, made later
# runs slower); one that is given is kept
fresh=false
[[ -z "${BENCH_DATABASE_URL:-}" ]] && fresh=true
BENCH_DATABASE_URL="${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/$1}"
LIENTHONG_TEST_DATABASE_URL="$BENCH_DATABASE_URL" LIENTHONG_TEST_DATABASE_FRESH="$fresh" bash scripts/infra/up.sh
export BENCH_DATABASE_URL
