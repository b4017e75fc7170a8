#!/usr/bin/env bash
# `npm test`: type check, lint, unit tests, build, Firefox lint, end-to-end tests in Chromium and Firefox.
# Ends with one summary line "tests: N passed, N failed" counted from vitest's JSON reports.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .tmp
status=0
step() { echo; echo "== $1"; }

step "type check"; npx tsc --noEmit -p tsconfig.json || status=1
step "lint"; npx biome check . || status=1
step "unit tests"
npx vitest run --project unit --reporter=default --reporter=json --outputFile.json=.tmp/unit.json || status=1
step "build"; npx tsx scripts/build.ts || status=1
step "web-ext lint (Firefox)"
npx web-ext lint --source-dir dist/firefox --self-hosted --output text 2>&1 | tail -n 12
npx web-ext lint --source-dir dist/firefox --self-hosted --output json > .tmp/web-ext-lint.json 2>/dev/null
node -e 'const r=require("./.tmp/web-ext-lint.json"); if (r.errors.length) { console.error("web-ext lint errors:", r.errors); process.exit(1) }' || status=1
step "browsers"; bash scripts/ensure-browsers.sh || status=1
step "end-to-end tests (Chromium and Firefox)"
npx vitest run --project e2e --reporter=default --reporter=json --outputFile.json=.tmp/e2e.json || status=1
node scripts/test-summary.mjs .tmp/unit.json .tmp/e2e.json || status=1
exit $status
