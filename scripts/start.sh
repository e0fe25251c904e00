#!/usr/bin/env bash
# npm start: the whole backbone on this machine, from a fresh clone.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/prepare.sh
. scripts/bootstrap-node.sh
bash scripts/infra/up.sh
exec node scripts/run-apps.js
