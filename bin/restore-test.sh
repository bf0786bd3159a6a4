#!/usr/bin/env bash
# HR-19, EP-7.5: the backup restore test. Asks the running continuity server to take a backup of its database,
# restore the latest backup into a scratch database, compare every table (row counts and checksums, the
# incident, engine and sync tables first) and record the result; prints it. Exit code 0 only when it passed.
#
#   bin/restore-test.sh                                   server on http://localhost:8080, admin from run.sh's data folder
#   SERVER_URL=http://host:8080 ADMIN_USER=admin ADMIN_PASSWORD=… bin/restore-test.sh
#
# Run it at least every two weeks: the server reminds IT on duty when no test has passed for 14 days.
set -euo pipefail
cd "$(dirname "$0")/.."
SERVER_URL="${SERVER_URL:-http://localhost:${SERVER_PORT:-8080}}"
ADMIN_USER="${ADMIN_USER:-${CONTINUITY_AUTH_INITIAL_ADMIN_USERNAME:-admin}}"
if [ -z "${ADMIN_PASSWORD:-}" ]; then
  PW_FILE="${DATA_DIR:-data}/server/initial-admin-password"
  [ -s "$PW_FILE" ] || { echo "restore-test: set ADMIN_PASSWORD (no $PW_FILE)"; exit 2; }
  ADMIN_PASSWORD="$(cat "$PW_FILE")"
fi
json_field() { sed -n 's/.*"'"$1"'" *: *"\{0,1\}\([^",}]*\)"\{0,1\}.*/\1/p' | head -1; }
token=$(curl -fsS -H 'Content-Type: application/json' \
  -d "{\"username\":\"$ADMIN_USER\",\"password\":\"$ADMIN_PASSWORD\"}" "$SERVER_URL/api/auth/login" | json_field token)
result=$(curl -fsS -X POST -H "Authorization: Bearer $token" "$SERVER_URL/api/admin/restore-tests")
ok=$(printf '%s' "$result" | json_field ok)
echo "restore test: ok=$ok"
printf '%s' "$result" | json_field detail | sed 's/^/  /'
printf '%s' "$result" | json_field backupFile | sed 's/^/  backup: /'
[ "$ok" = "true" ]
