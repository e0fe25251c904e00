#!/usr/bin/env bash
# npm test: typecheck, module-boundary lint, then every Jest suite (unit, integration against the real
# Kafka/PostgreSQL/Redis, end-to-end with the apps as processes), one file at a time.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/prepare.sh
. scripts/bootstrap-node.sh
export NX_DAEMON=false NX_NO_CLOUD=true
# the test database is dropped and made again before the suites run (jest's global setup, scripts/infra/up.sh): what an
# earlier or aborted run left there (a backlog of deliveries and messages the apps would drain first) made later runs
# fail; LIENTHONG_TEST_DATABASE_FRESH=false keeps it
export LIENTHONG_TEST_DATABASE_FRESH="${LIENTHONG_TEST_DATABASE_FRESH:-true}"
echo "test: typecheck"
npx --no-install tsc -p tsconfig.json
echo "test: lint (module boundaries)"
npx --no-install nx show projects >/dev/null # builds the project graph the boundary rule reads
npx --no-install eslint --max-warnings 0 apps libs e2e
echo "test: jest"
npx --no-install jest --runInBand "$@"
