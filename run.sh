#!/usr/bin/env bash
# README command 1: build (if needed) and start the continuity server and one offline kiosk with
# embedded defaults: the server on a PostgreSQL it starts itself (data/server/postgres), the kiosk
# on a SQLite file (data/kiosk-1/kiosk.db). Ctrl-C stops everything it started.
#
#   ./run.sh                 build if sources changed, then run
#   SERVER_PORT=8080 KIOSK_PORT=8081 DATA_DIR=data ./run.sh
#   QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://host:5432/continuity ./run.sh   (existing PostgreSQL)
#   DEMO=0 ./run.sh          no demo data and no automatic kiosk enrolment (default with an existing PostgreSQL)
#   DRILL=0 ./run.sh         demo data but no guided drill (second kiosk at a ward + compressed outage drill)
#   DEMO=0 ./run.sh          no demo data, no automatic kiosk enrolment, no demo notification receivers
#                            (default with an existing PostgreSQL); DEMO_SMTP_PORT=2525 the demo mail receiver
set -euo pipefail
cd "$(dirname "$0")"

SERVER_PORT="${SERVER_PORT:-8080}"
KIOSK_PORT="${KIOSK_PORT:-8081}"
DATA_DIR="${DATA_DIR:-data}"
SERVER_JAR=continuity-server/target/quarkus-app/quarkus-run.jar
KIOSK_JAR=offline-kiosk/target/quarkus-app/quarkus-run.jar

needs_build() {
  [ ! -f "$SERVER_JAR" ] || [ ! -f "$KIOSK_JAR" ] && return 0
  [ -n "$(find playbooks sync continuity-server offline-kiosk pom.xml -newer "$KIOSK_JAR" \
        \( -path '*/target' -prune -o -type f -print \) 2>/dev/null | head -1)" ]
}
if [ "${SKIP_BUILD:-}" != "1" ] && needs_build; then
  echo "run.sh: building (./mvnw package, tests skipped; the first build downloads ~400 MB)…"
  ./mvnw -B -q package -DskipTests -pl continuity-server,offline-kiosk -am
fi

# the wrapper picks a JDK 17+ when none is selected; use the same one here
JAVA_BIN="$( . ./.mvn/find-java.sh && echo "$JAVA_HOME/bin/java" )"

mkdir -p "$DATA_DIR/logs"
pids=()
cleanup() {
  trap - INT TERM EXIT
  [ ${#pids[@]} -gt 0 ] || return 0
  echo
  echo "run.sh: stopping…"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  # the server stops its embedded PostgreSQL; one it could not stop (the server was killed) is said so
  pg_pid="$(head -n 1 "$DATA_DIR/server/postgres/postmaster.pid" 2>/dev/null || true)"
  for _ in $(seq 1 15); do
    { [ -n "$pg_pid" ] && kill -0 "$pg_pid" 2>/dev/null; } || break
    sleep 1
  done
  if [ -n "$pg_pid" ] && kill -0 "$pg_pid" 2>/dev/null; then
    echo "run.sh: stopped the server and the kiosk; the embedded PostgreSQL (pid $pg_pid) is still running — the next ./run.sh stops it before it starts."
  else
    echo "run.sh: stopped (server, kiosk and the embedded PostgreSQL)."
  fi
  pids=()
}
trap cleanup EXIT
trap 'cleanup; exit 0' INT TERM

wait_ready() { # name url pid log
  for _ in $(seq 1 180); do
    if curl -fsS "$2/q/health/ready" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$3" 2>/dev/null; then echo "run.sh: $1 exited; last lines of $4:"; tail -n 30 "$4"; exit 1; fi
    sleep 1
  done
  echo "run.sh: $1 not ready after 180 s; see $4"; exit 1
}

# The first IT administrator: no password lives in the repository. Take it from the environment, or
# generate one on the first run and keep it in the data folder (readable by this user only).
if [ -z "${CONTINUITY_AUTH_INITIAL_ADMIN_PASSWORD:-}" ]; then
  ADMIN_PW_FILE="$DATA_DIR/server/initial-admin-password"
  if [ ! -s "$ADMIN_PW_FILE" ]; then
    mkdir -p "$DATA_DIR/server"
    (umask 077; printf '%s7a\n' "$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | cut -c1-18)" > "$ADMIN_PW_FILE")
  fi
  CONTINUITY_AUTH_INITIAL_ADMIN_PASSWORD="$(cat "$ADMIN_PW_FILE")"
  export CONTINUITY_AUTH_INITIAL_ADMIN_PASSWORD
  ADMIN_NOTE="admin password in $ADMIN_PW_FILE"
else
  ADMIN_NOTE="admin password from CONTINUITY_AUTH_INITIAL_ADMIN_PASSWORD"
fi

# Demo mode (default on the embedded database): demo departments, doctors and patients on the
# server, and the kiosk enrolled at the cashier office with a demo cashier account.
if [ -z "${DEMO:-}" ]; then
  if [ -z "${QUARKUS_DATASOURCE_REACTIVE_URL:-}" ]; then DEMO=1; else DEMO=0; fi
fi

"$JAVA_BIN" -Dquarkus.http.port="$SERVER_PORT" -Dcontinuity.data-dir="$DATA_DIR/server" \
  -Dcontinuity.kiosk.demo-data="$([ "$DEMO" = 1 ] && echo true || echo false)" \
  -Dquarkus.profile="$([ "$DEMO" = 1 ] && echo prod,demo || echo prod)" \
  -jar "$SERVER_JAR" >"$DATA_DIR/logs/server.log" 2>&1 &
pids+=($!)
wait_ready "continuity-server" "http://localhost:$SERVER_PORT" "${pids[0]}" "$DATA_DIR/logs/server.log"

"$JAVA_BIN" -Dquarkus.http.port="$KIOSK_PORT" -Dcontinuity.data-dir="$DATA_DIR/kiosk-1" \
  -Dcontinuity.server-url="http://localhost:$SERVER_PORT" \
  -jar "$KIOSK_JAR" >"$DATA_DIR/logs/kiosk-1.log" 2>&1 &
pids+=($!)
wait_ready "offline-kiosk" "http://localhost:$KIOSK_PORT" "${pids[1]}" "$DATA_DIR/logs/kiosk-1.log"

json_field() { sed -n 's/.*"'"$1"'" *: *"\([^"]*\)".*/\1/p'; }
KIOSK_NOTE="not enrolled: see offline-kiosk/README.md (first use)"
if [ "$DEMO" = 1 ]; then
  S="http://localhost:$SERVER_PORT"; K="http://localhost:$KIOSK_PORT"
  # the demo kiosks' departments in the directory, with the ladder area whose instructions they follow
  # (EP-5.2, EP-6.1): the cashier office and the 肾内科 ward of the guided demo; a re-run answers 409, ignored
  dir_token=$(curl -fsS -H 'Content-Type: application/json' \
    -d "{\"username\":\"${CONTINUITY_AUTH_INITIAL_ADMIN_USERNAME:-admin}\",\"password\":\"$CONTINUITY_AUTH_INITIAL_ADMIN_PASSWORD\"}" \
    "$S/api/auth/login" | json_field token)
  for d in 'SFC|门诊收费处|Outpatient cashier office|OUTPATIENT_REGISTRATION' 'SK|肾内科|Nephrology ward|NURSE_STATION'; do
    IFS='|' read -r d_code d_zh d_en d_area <<<"$d"
    curl -sS -o /dev/null -H "Authorization: Bearer $dir_token" -H 'Content-Type: application/json' \
      -d "{\"code\":\"$d_code\",\"nameZh\":\"$d_zh\",\"nameEn\":\"$d_en\",\"area\":\"$d_area\"}" "$S/api/departments" || true
  done
  # Kiosk sign-ins are hospital accounts: a person of the department in the directory with a kiosk role and a
  # password; the server derives the offline verifier each kiosk of the department receives, and accepts these
  # people when they acknowledge an instruction at a kiosk (EP-6.1). DEPARTMENT_HEAD makes a supervisor (cashier lead,
  # head nurse) who confirms a phoned instruction. Passwords are generated on the first run and kept in the data folder.
  STAFF_PW_FILE="$DATA_DIR/demo-staff-passwords"
  if [ ! -s "$STAFF_PW_FILE" ]; then
    (umask 077; : > "$STAFF_PW_FILE")
    for p in 'cashier-1|收款员(演示)|SFC|CASHIER' 'cashier-lead|收费组长(演示)|SFC|CASHIER,DEPARTMENT_HEAD' \
             'nurse-1|护士(演示)|SK|NURSE' 'head-nurse|护士长(演示)|SK|NURSE,DEPARTMENT_HEAD' 'doctor-1|病区医生(演示)|SK|DOCTOR'; do
      IFS='|' read -r p_user p_name p_dept p_roles <<<"$p"
      p_pw="$(head -c 96 /dev/urandom | base64 | tr -dc 'a-z' | cut -c1-8)42"  # 10 characters (the rule's minimum): ~52 letters drawn
      p_id=$(curl -fsS -H "Authorization: Bearer $dir_token" -H 'Content-Type: application/json' \
        -d "{\"name\":\"$p_name\",\"departmentCode\":\"$p_dept\",\"roles\":[\"${p_roles//,/\",\"}\"]}" "$S/api/people" | json_field id)
      if [ -n "$p_id" ] && curl -fsS -o /dev/null -H "Authorization: Bearer $dir_token" -H 'Content-Type: application/json' \
          -d "{\"username\":\"$p_user\",\"personId\":\"$p_id\",\"password\":\"$p_pw\"}" "$S/api/accounts"; then
        printf '%-13s %s  (%s, %s)\n' "$p_user" "$p_pw" "$p_dept" "$p_roles" >> "$STAFF_PW_FILE"
      else
        echo "run.sh: demo account $p_user not created (see $DATA_DIR/logs/server.log)"
      fi
    done
  fi
  if curl -fsS "$K/api/kiosk" | grep -q '"enrolled" *: *false'; then
    echo "run.sh: demo: enrolling kiosk 1 at the cashier office (SFC)…"
    token=$(curl -fsS -H 'Content-Type: application/json' \
      -d "{\"username\":\"${CONTINUITY_AUTH_INITIAL_ADMIN_USERNAME:-admin}\",\"password\":\"$CONTINUITY_AUTH_INITIAL_ADMIN_PASSWORD\"}" \
      "$S/api/auth/login" | json_field token)
    code=$(curl -fsS -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      -d '{"name":"收费处1号窗","departmentCode":"SFC"}' "$S/api/admin/kiosks" | json_field code)
    curl -fsS -o /dev/null -H 'Content-Type: application/json' -d "{\"code\":\"$code\"}" "$K/api/kiosk/enrolment" \
      || echo "run.sh: demo enrolment failed; see $DATA_DIR/logs/"
  fi
  [ -s "$STAFF_PW_FILE" ] && KIOSK_NOTE="sign in as cashier-1 (lead: cashier-lead), passwords in $STAFF_PW_FILE (F8: instructions)"
fi

# --- guided demo (second kiosk at a ward, a compressed whole-network outage drill); see bin/demo-drill.sh ---
if [ "$DEMO" = 1 ] && [ "${DRILL:-1}" = 1 ]; then
  . bin/demo-drill.sh
fi
# --- end guided demo ---

cat <<MSG

  continuity-server   http://localhost:$SERVER_PORT      (health: /q/health/ready, API: /q/openapi)
  sign in             user "${CONTINUITY_AUTH_INITIAL_ADMIN_USERNAME:-admin}", $ADMIN_NOTE
  IT's pages          http://localhost:$SERVER_PORT/ops (operations), /ops/people (people, accounts, kiosk codes), /ops/roster (duty roster)
  offline kiosk 1     http://localhost:$KIOSK_PORT      (health: /q/health/ready)
                      $KIOSK_NOTE
  logs                $DATA_DIR/logs/
$([ "$DEMO" = 1 ] && echo "  notifications sent  http://localhost:$SERVER_PORT/demo/receivers   (demo: built-in mail/SMS/robot receivers)" || true)

  Ctrl-C stops both apps and the embedded PostgreSQL.
MSG
wait -n "${pids[@]}" || true
echo "run.sh: an app exited; see $DATA_DIR/logs/"
