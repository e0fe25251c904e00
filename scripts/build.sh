#!/usr/bin/env bash
# Compiles apps/ and libs/ into dist/ with SWC (decorator metadata as Nest needs), seed data included.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bootstrap-node.sh
rm -rf dist
npx --no-install swc apps libs -d dist --copy-files --ignore '**/*.spec.ts,**/test/**' --quiet
