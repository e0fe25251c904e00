#!/usr/bin/env bash
# npm run bench:intake: build, infrastructure (with a bench database), then the backbone end to end beside its baselines.
. "$(dirname "$0")/../shared/prepare.sh" lienthong_bench_intake
# the apps read it as the test database they are started with (libs/platform/testing); nothing is pinned: the
# backbone's apps share both cores with the load generator, as they would share a machine's
export LIENTHONG_TEST_DATABASE_URL="$BENCH_DATABASE_URL"
# BENCH_CPU_PROFILE_DIR=<dir>: a V8 CPU profile of each app's run, written there when the apps stop
if [[ -n "${BENCH_CPU_PROFILE_DIR:-}" ]]; then
  mkdir -p "$BENCH_CPU_PROFILE_DIR"
  export NODE_OPTIONS="${NODE_OPTIONS:-} -r $PWD/bench/shared/cpu-profile.js"
fi
exec node bench/intake/run.js
