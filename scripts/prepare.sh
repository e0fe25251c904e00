#!/usr/bin/env bash
# What both `npm start` and `npm test` need first: Node 24, dependencies from the lockfile, a fresh build.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bootstrap-node.sh
# install when node_modules is missing or older than the lockfile
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "prepare: installing dependencies from the lockfile"
  # not `npm ci`: it refuses a lockfile that lacks optional binaries of other platforms (darwin, win32),
  # which a registry mirror may not serve; `npm install` installs the locked versions all the same
  npm install --no-audit --no-fund --loglevel=error
fi
bash scripts/build.sh
