#!/usr/bin/env bash
# The fast part of the suite (the unit tests) under other Node.js versions than the one
# running npm: by default 22 and 24, the versions users have now (Node.js 20, the oldest
# align supports, runs the whole suite in npm test). Each runtime comes from the registry's
# node-<platform>-<arch> package, which holds the node binary itself; npm caches it.
# Run after a build (npm test builds). Usage: scripts/test-runtimes.sh [MAJOR...]
set -euo pipefail
cd "$(dirname "$0")/.."
majors=("$@")
[ ${#majors[@]} -gt 0 ] || majors=(22 24)
target="node-$(node -p 'process.platform + "-" + process.arch')"
for major in "${majors[@]}"; do
  dir="$(mktemp -d)"
  trap 'rm -rf "$dir"' EXIT
  npm pack "$target@$major" --pack-destination "$dir" --silent >/dev/null
  tar -xzf "$dir/$target"-*.tgz -C "$dir"
  node_bin="$dir/package/bin"
  echo "unit tests under Node.js $("$node_bin/node" --version)"
  start=$SECONDS
  # node first on PATH, so that whatever the tests start with `node` runs the same version.
  PATH="$node_bin:$PATH" "$node_bin/node" node_modules/vitest/vitest.mjs run test/unit
  echo "unit tests under Node.js $major: $((SECONDS - start)) s"
  rm -rf "$dir"
done
