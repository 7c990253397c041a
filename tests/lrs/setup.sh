#!/bin/bash
# Installs the LRS the sync tests run against into NODE_DIR (in the build
# tree), exactly as pinned by package-lock.json: Learning Locker's
# statement service (xapi-statements) and its validator
# (@learninglocker/xapi-validation). Does nothing when NODE_DIR already
# holds this lock's install. Needs node and npm (make deps installs them).
# Usage: setup.sh NODE_DIR
set -u
node_dir=$1
here=$(cd "$(dirname "$0")" && pwd)
for tool in node npm redis-server; do
  command -v "$tool" >/dev/null || { echo "setup: $tool is missing: run make deps" >&2; exit 1; }
done
stamp=$node_dir/node_modules/.hrc-lock.sha256
want=$(cat "$here/package.json" "$here/package-lock.json" | sha256sum | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] &&
   [ -f "$node_dir/node_modules/xapi-statements/dist/index.js" ]; then
  echo "LRS for the tests already installed in $node_dir"
  exit 0
fi
mkdir -p "$node_dir" || exit 1
cp "$here/package.json" "$here/package-lock.json" "$node_dir/" || exit 1
echo "Installing the LRS for the tests into $node_dir (npm ci)"
# No install scripts: none is needed to run the service, and a native
# metrics module some dependency pulls in would otherwise be compiled.
(cd "$node_dir" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error) || {
  echo "setup: npm ci failed (is the npm registry reachable?)" >&2
  exit 1
}
echo "$want" > "$stamp"
