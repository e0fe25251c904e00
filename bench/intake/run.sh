#!/usr/bin/env bash
# npm run bench:intake: build, infrastructure (with a bench database), then the backbone end to end beside its baselines.
. "$(dirname "$0")/../shared/prepare.sh" lienthong_bench_intake
# the apps read it as the test database they are started with (libs/platform/testing); nothing is pinned: the
# backbone's apps share both cores with the load generator, as they would share a machine's
export LIENTHONG_TEST_DATABASE_URL="$BENCH_DATABASE_URL"
exec node bench/intake/run.js
