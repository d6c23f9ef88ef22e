#!/usr/bin/env bash
# The demo behind the README's quick start: a new workspace in a temporary git
# repository, the kickoff workshop run from its bundled answers, and what it wrote.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
align() { node "$here/bin/align.js" "$@"; }
demo="${1:-$(mktemp -d)/acme}"
mkdir -p "$demo"
git -C "$demo" init -q
# A fresh machine may have no git identity; the demo repository gets its own.
if ! git -C "$demo" config user.email >/dev/null; then
  git -C "$demo" config user.name "align demo"
  git -C "$demo" config user.email "demo@example.com"
fi
align init "$demo" --org "Acme Corp" --sales "Dana Kim,Lee Park" --marketing "Sam Ortiz,Ana Ruiz" --rubric bant --yes
align -C "$demo" workshop kickoff --answers "$here/examples/kickoff.answers.yaml"
align -C "$demo" validate
echo
git -C "$demo" log --stat --format='%h %s%n%b'
echo
echo "Demo workspace: $demo"
echo "Next: node bin/align.js -C \"$demo\" agenda lead-definition   or   node bin/align.js -C \"$demo\" workshop lead-definition"
