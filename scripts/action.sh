#!/usr/bin/env bash
# The steps of align's GitHub Action (action.yml), kept here so that they run the same on a
# laptop: check the workspace, run the rubric's golden leads, and show what a pull request
# changes in the rubric, all written to the job summary ($GITHUB_STEP_SUMMARY).
#
# Environment (what GitHub gives a step, and the action's inputs):
#   GITHUB_STEP_SUMMARY  the file the summary is appended to (stdout without it)
#   GITHUB_BASE_REF      the pull request's base branch; the rubric is compared from origin/<it>
#   INPUT_BASE           a revision to compare from instead (a branch, tag or commit)
#   INPUT_HEAD           the revision to compare to (default: HEAD, the checked-out pull request)
#   INPUT_LEADS          a CSV of leads: rubric diff --leads counts the leads each change moves
#   INPUT_DEEPEN         "true" (default): a shallow clone fetches its full history first
#   INPUT_WORKING_DIRECTORY  the workspace folder (default: .)
#   ALIGN                how to run align (default: align)
# Exit status: 1 when the workspace or a golden lead fails, or a step cannot run; 0 otherwise.
set -uo pipefail

read -r -a align <<<"${ALIGN:-align}"
summary="${GITHUB_STEP_SUMMARY:-/dev/stdout}"
cd "${INPUT_WORKING_DIRECTORY:-.}" || exit 1
failed=0

say() { printf '%s\n' "$@" >>"$summary"; }

# The output of a step, fenced so that nothing in it is read as Markdown.
fenced() {
  local fence='~~~~'
  while [[ $1 == *"$fence"* ]]; do fence="$fence~"; done
  say "$fence" "$1" "$fence"
}

# Runs one align command; its exit code in $status, its stdout and stderr together in $output.
run() {
  output="$("${align[@]}" "$@" 2>&1)"
  status=$?
}

mark() { if [[ $1 -eq 0 ]]; then echo 'passed'; else echo "failed (exit $1)"; fi; }

# A shallow clone (actions/checkout's default) has no rubric history and no base branch.
if [[ ${INPUT_DEEPEN:-true} == true && "$(git rev-parse --is-shallow-repository 2>/dev/null)" == true ]]; then
  git fetch --quiet --unshallow || echo "align action: could not fetch the full history; align says what is missing" >&2
fi

base="${INPUT_BASE:-}"
head="${INPUT_HEAD:-HEAD}"
if [[ -z $base && -n ${GITHUB_BASE_REF:-} ]]; then
  base="origin/$GITHUB_BASE_REF"
  if ! git rev-parse --verify --quiet "$base^{commit}" >/dev/null; then
    git fetch --quiet --no-tags origin "+refs/heads/$GITHUB_BASE_REF:refs/remotes/origin/$GITHUB_BASE_REF" ||
      echo "align action: could not fetch the base branch $GITHUB_BASE_REF" >&2
  fi
fi

say '## align' ''

run validate
say "### Workspace (\`align validate\`): $(mark "$status")" ''
fenced "$output"
say ''
[[ $status -eq 0 ]] || failed=1

run rubric test
say "### Golden leads (\`align rubric test\`): $(mark "$status")" ''
fenced "$output"
say ''
[[ $status -eq 0 ]] || failed=1

if [[ -n $base ]]; then
  args=(rubric diff "$base" "$head" --format md)
  [[ -n ${INPUT_LEADS:-} ]] && args+=(--leads "$INPUT_LEADS")
  say "### Rubric changes ($base → $head)" ''
  # The Markdown goes into the summary as it is; an error, fenced like the other steps.
  errors="$(mktemp)"
  output="$("${align[@]}" "${args[@]}" 2>"$errors")"
  status=$?
  if [[ $status -eq 0 ]]; then
    say "$output" ''
  else
    say "Failed (exit $status):" ''
    fenced "$(cat "$errors")"
    say ''
    failed=1
  fi
  rm -f "$errors"
else
  say '### Rubric changes' '' 'No base to compare with: run on a pull request, or give the action a `base`.' ''
fi

exit "$failed"
