#!/usr/bin/env bash
# Runs every test (unit, integration against the real PostgreSQL/NATS/Temporal, end-to-end across
# service processes) and ends with the line «N passed, N failed».
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .data
results=.data/jest-results.json
rm -f "$results"
npx jest --ci --maxWorkers=2 --json --outputFile="$results" "$@"
code=$?
if [ -f "$results" ]; then
  node -e 'const r = require(process.argv[1]); console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed`)' "$(pwd)/$results"
else
  echo "0 passed, 1 failed"
  [ "$code" -eq 0 ] && code=1
fi
exit "$code"
