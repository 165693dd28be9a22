#!/usr/bin/env bash
# Runs every test (unit, integration against the real PostgreSQL/NATS/Temporal, end-to-end across
# service processes) and ends with the line «N passed, N failed». Arguments narrow the run as jest's do.
#
# The end-to-end suites each start the whole system (seven services, NATS, Temporal), so they run one at
# a time after the rest: two of them side by side on a two-core machine starve each other's timeouts.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .data
rm -f .data/jest-*.json

npx jest --ci --selectProjects units --maxWorkers=2 --passWithNoTests --json --outputFile=.data/jest-units.json "$@"
units=$?
npx jest --ci --selectProjects e2e --runInBand --passWithNoTests --json --outputFile=.data/jest-e2e.json "$@"
e2e=$?

node -e '
  const { existsSync } = require("node:fs");
  const runs = process.argv.slice(1).map((file) => (existsSync(file) ? require(file) : null));
  const passed = runs.reduce((n, r) => n + (r?.numPassedTests ?? 0), 0);
  // A suite that cannot even load counts as one failure; so does a run that left no results at all.
  const failed = runs.reduce((n, r) => n + (r ? r.numFailedTests + r.numRuntimeErrorTestSuites : 1), 0);
  console.log(`${passed} passed, ${failed} failed`);
' "$(pwd)/.data/jest-units.json" "$(pwd)/.data/jest-e2e.json"
[ "$units" -eq 0 ] && [ "$e2e" -eq 0 ]
