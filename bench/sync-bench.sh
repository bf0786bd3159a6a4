#!/usr/bin/env bash
# The sync benchmark (docs/benchmarks.md, "Sync"): 200,000 downtime records from 50 kiosks pushed
# concurrently to one packaged continuity server, against the raw PostgreSQL COPY ceiling of the same
# rows and PouchDB replication to pouchdb-server. Prints both ratios; results in
# tests/e2e/target/bench/sync-bench.{txt,json}. Not part of ./test.sh.
#
#   bench/sync-bench.sh                       everything (~5 min, most of it PouchDB)
#   bench/sync-bench.sh -Dbench.pouchdb=false  sync and COPY only (~1 min)
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v node >/dev/null 2>&1; then
  echo "sync-bench: Node.js is needed for the PouchDB peer (apt-get install -y nodejs npm), or pass -Dbench.pouchdb=false" >&2
  exit 1
fi
if [ ! -d bench/pouchdb/node_modules/pouchdb-server ]; then
  echo "sync-bench: installing pouchdb and pouchdb-server (npm)…"
  (cd bench/pouchdb && npm install --no-audit --no-fund --loglevel=error)
fi

# Builds the server jar (tests of the other modules skipped), then runs only the benchmark.
exec ./mvnw -B verify -pl tests/e2e -am \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=SyncBenchmarkIT -Dfailsafe.failIfNoSpecifiedTests=false \
  "$@"
