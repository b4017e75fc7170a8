#!/usr/bin/env bash
# `npm test`: type check, lint, unit tests, sync server tests (on PGlite, then on PostgreSQL), build,
# Firefox lint, end-to-end tests in Chromium and Firefox.
# Ends with the skipped groups (one line each, with the reason) and one summary line "tests: N passed,
# N failed, N skipped", both read from vitest's JSON reports, and "failed steps: …" when any step failed.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .tmp
status=0
failed_steps=()
current=""
step() { current="$1"; echo; echo "== $1"; }
# Marks the current step failed; the last line names every failed step, so a red run that passed every
# test (a lint or type error) says why.
fail() { status=1; failed_steps+=("$current"); }

step "type check"; npx tsc --noEmit -p tsconfig.json || fail
step "lint"; npx biome check . || fail
step "unit tests"
npx vitest run --project unit --reporter=default --reporter=json --outputFile.json=.tmp/unit.json || fail
# The sync server's suite runs twice: on PGlite (in-process), then on a real PostgreSQL server.
rm -f .tmp/server-pglite.json .tmp/server-postgres.json
step "sync server tests (PGlite)"
GLOSS_TEST_DATABASE_URL= npx vitest run --project server --reporter=default --reporter=json \
  --outputFile.json=.tmp/server-pglite.json || fail
step "sync server tests (PostgreSQL)"
if pg_url="${GLOSS_TEST_DATABASE_URL:-$(bash scripts/ensure-postgres.sh)}"; then
  GLOSS_TEST_DATABASE_URL="$pg_url" npx vitest run --project server --reporter=default --reporter=json \
    --outputFile.json=.tmp/server-postgres.json || fail
else
  fail
fi
step "build"; npx tsx scripts/build.ts || fail
step "web-ext lint (Firefox)"
# Once, as JSON; one summary line (and one line per error, which fails the step). web-ext's own messages, if
# it cannot run at all, are in .tmp/web-ext-lint.log.
npx web-ext lint --source-dir dist/firefox --self-hosted --output json > .tmp/web-ext-lint.json 2> .tmp/web-ext-lint.log
npx tsx scripts/lint-summary.ts .tmp/web-ext-lint.json || { cat .tmp/web-ext-lint.log >&2; fail; }
step "browsers"; bash scripts/ensure-browsers.sh || fail
step "end-to-end tests (Chromium and Firefox)"
npx vitest run --project e2e --reporter=default --reporter=json --outputFile.json=.tmp/e2e.json || fail
current="test summary"
npx tsx scripts/test-summary.ts .tmp/unit.json .tmp/server-pglite.json .tmp/server-postgres.json .tmp/e2e.json || fail
if ((${#failed_steps[@]})); then
  printf 'failed steps: %s\n' "$(IFS=,; echo "${failed_steps[*]}" | sed 's/,/, /g')"
fi
exit $status
