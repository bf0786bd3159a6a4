#!/usr/bin/env bash
# EP-8.4: the one command that writes an outage's downtime records into the HIS now (the server also runs
# it on its schedule). Asks the running continuity server to run the incident's write-back to the FHIR HIS, then
# prints what was written, what went to the reconciliation workbench (with reasons, at /workbench) and whether the
# run paused because the HIS stopped answering. Replaying is harmless: conditional creates make it create nothing
# twice. Exit code 0 when the run finished without pausing.
#
#   bin/write-back.sh <incident-id>                      server on http://localhost:8080, admin from run.sh's data folder
#   SERVER_URL=http://host:8080 ADMIN_USER=it-1 ADMIN_PASSWORD=… bin/write-back.sh <incident-id>
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 1 ] || { echo "usage: bin/write-back.sh <incident-id>"; exit 2; }
INCIDENT="$1"
SERVER_URL="${SERVER_URL:-http://localhost:${SERVER_PORT:-8080}}"
ADMIN_USER="${ADMIN_USER:-${CONTINUITY_AUTH_INITIAL_ADMIN_USERNAME:-admin}}"
if [ -z "${ADMIN_PASSWORD:-}" ]; then
  PW_FILE="${DATA_DIR:-data}/server/initial-admin-password"
  [ -s "$PW_FILE" ] || { echo "write-back: set ADMIN_PASSWORD (no $PW_FILE)"; exit 2; }
  ADMIN_PASSWORD="$(cat "$PW_FILE")"
fi
json_field() { sed -n 's/.*"'"$1"'" *: *"\{0,1\}\([^",}]*\)"\{0,1\}.*/\1/p' | head -1; }
token=$(curl -fsS -H 'Content-Type: application/json' \
  -d "{\"username\":\"$ADMIN_USER\",\"password\":\"$ADMIN_PASSWORD\"}" "$SERVER_URL/api/auth/login" | json_field token)
run=$(curl -sS -X POST -H "Authorization: Bearer $token" -w '\n%{http_code}' "$SERVER_URL/api/writeback/incidents/$INCIDENT/run")
status=$(printf '%s' "$run" | tail -1)
body=$(printf '%s' "$run" | sed '$d')
if [ "$status" != 200 ]; then
  echo "write-back: the server answered $status: $(printf '%s' "$body" | json_field detail)"
  exit 1
fi
for f in total written toWorkbench alreadySettled priceFlags paused tookMillis; do
  printf '  %-15s %s\n' "$f" "$(printf '%s' "$body" | json_field "$f")"
done
progress=$(curl -fsS -H "Authorization: Bearer $token" "$SERVER_URL/api/writeback/incidents/$INCIDENT")
echo "  incident totals: written $(printf '%s' "$progress" | json_field written)," \
  "waiting on the workbench $(printf '%s' "$progress" | json_field waitingOnWorkbench)," \
  "open price flags $(printf '%s' "$progress" | json_field openFlags)   (workbench: $SERVER_URL/workbench)"
[ "$(printf '%s' "$body" | json_field paused)" = "false" ]
