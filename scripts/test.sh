#!/usr/bin/env bash
# `npm test`: type check, lint, unit tests, sync server tests (on PGlite, then on PostgreSQL), build,
# Firefox lint, end-to-end tests in Chromium and Firefox.
# Ends with the skipped groups (one line each, with the reason) and one summary line "tests: N passed,
# N failed, N skipped", both read from vitest's JSON reports.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .tmp
status=0
step() { echo; echo "== $1"; }

step "type check"; npx tsc --noEmit -p tsconfig.json || status=1
step "lint"; npx biome check . || status=1
step "unit tests"
npx vitest run --project unit --reporter=default --reporter=json --outputFile.json=.tmp/unit.json || status=1
# The sync server's suite runs twice: on PGlite (in-process), then on a real PostgreSQL server.
rm -f .tmp/server-pglite.json .tmp/server-postgres.json
step "sync server tests (PGlite)"
GLOSS_TEST_DATABASE_URL= npx vitest run --project server --reporter=default --reporter=json \
  --outputFile.json=.tmp/server-pglite.json || status=1
step "sync server tests (PostgreSQL)"
if pg_url="${GLOSS_TEST_DATABASE_URL:-$(bash scripts/ensure-postgres.sh)}"; then
  GLOSS_TEST_DATABASE_URL="$pg_url" npx vitest run --project server --reporter=default --reporter=json \
    --outputFile.json=.tmp/server-postgres.json || status=1
else
  status=1
fi
step "build"; npx tsx scripts/build.ts || status=1
step "web-ext lint (Firefox)"
# Once, as JSON; one summary line (and one line per error, which fails the step). web-ext's own messages, if
# it cannot run at all, are in .tmp/web-ext-lint.log.
npx web-ext lint --source-dir dist/firefox --self-hosted --output json > .tmp/web-ext-lint.json 2> .tmp/web-ext-lint.log
npx tsx scripts/lint-summary.ts .tmp/web-ext-lint.json || { cat .tmp/web-ext-lint.log >&2; status=1; }
step "browsers"; bash scripts/ensure-browsers.sh || status=1
step "end-to-end tests (Chromium and Firefox)"
npx vitest run --project e2e --reporter=default --reporter=json --outputFile.json=.tmp/e2e.json || status=1
npx tsx scripts/test-summary.ts .tmp/unit.json .tmp/server-pglite.json .tmp/server-postgres.json .tmp/e2e.json || status=1
exit $status
