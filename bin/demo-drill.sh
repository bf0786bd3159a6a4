# Sourced by run.sh: the guided demo. A second kiosk at a ward (肾内一病区, SK: the demo nurse, head nurse and ward
# doctor run.sh created as hospital accounts), and a compressed
# whole-network outage drill (scenario whole-network-7h at 60×: 7 hours of the plan in about 7 minutes), with the
# URLs to follow it; a browser opens when one is available. Needs from run.sh: JAVA_BIN, KIOSK_JAR, DATA_DIR,
# SERVER_PORT, pids, wait_ready, json_field, STAFF_PW_FILE, token-less admin password in CONTINUITY_AUTH_INITIAL_ADMIN_PASSWORD.
# DRILL=0 ./run.sh skips it; DRILL_FACTOR=30 ./run.sh runs it slower.

KIOSK2_PORT="${KIOSK2_PORT:-8082}"
DRILL_FACTOR="${DRILL_FACTOR:-60}"
S="http://localhost:$SERVER_PORT"
K2="http://localhost:$KIOSK2_PORT"

"$JAVA_BIN" -Dquarkus.http.port="$KIOSK2_PORT" -Dcontinuity.data-dir="$DATA_DIR/kiosk-2" \
  -Dcontinuity.server-url="$S" -jar "$KIOSK_JAR" >"$DATA_DIR/logs/kiosk-2.log" 2>&1 &
pids+=($!)
wait_ready "offline-kiosk 2" "$K2" "${pids[-1]}" "$DATA_DIR/logs/kiosk-2.log"

demo_token=$(curl -fsS -H 'Content-Type: application/json' \
  -d "{\"username\":\"${CONTINUITY_AUTH_INITIAL_ADMIN_USERNAME:-admin}\",\"password\":\"$CONTINUITY_AUTH_INITIAL_ADMIN_PASSWORD\"}" \
  "$S/api/auth/login" | json_field token)
if curl -fsS "$K2/api/kiosk" | grep -q '"enrolled" *: *false'; then
  echo "run.sh: demo: enrolling kiosk 2 at the ward (肾内一病区, SK)…"
  code2=$(curl -fsS -H "Authorization: Bearer $demo_token" -H 'Content-Type: application/json' \
    -d '{"name":"肾内一病区护士站","departmentCode":"SK"}' "$S/api/admin/kiosks" | json_field code)
  curl -fsS -o /dev/null -H 'Content-Type: application/json' -d "{\"code\":\"$code2\"}" "$K2/api/kiosk/enrolment" \
    || echo "run.sh: demo enrolment of kiosk 2 failed; see $DATA_DIR/logs/"
fi

DRILL_NOTE="not started (an incident is open or a drill is running: see $S/api/drills)"
drill_json=$(curl -sS -H "Authorization: Bearer $demo_token" -H 'Content-Type: application/json' \
  -d "{\"scenario\":\"whole-network-7h\",\"factor\":$DRILL_FACTOR}" "$S/api/drills" || true)
drill_id=$(printf '%s' "$drill_json" | json_field id)
if [ -n "$drill_id" ] && printf '%s' "$drill_json" | grep -q '"status" *: *"RUNNING"'; then
  DRILL_NOTE="drill $drill_id running at ${DRILL_FACTOR}×: whole network down 7 h of plan time"
fi

cat <<MSG

  ── guided demo: a compressed whole-network outage drill ─────────────────────────────
  $DRILL_NOTE
  1. leadership board     $S/board                 (sign in as admin; the drill's instructions read 【演练 DRILL】)
  2. cashier kiosk        http://localhost:$KIOSK_PORT     (red drill banner; F8 downtime mode, capture registrations)
     ward kiosk           $K2     (nurse-1, head-nurse, doctor-1: passwords in $STAFF_PW_FILE)
  3. at plan-time 30 min (≈$((30 / DRILL_FACTOR > 0 ? 30 / DRILL_FACTOR : 1)) min real) the front desk is told to switch to manual:
     the instruction and every notification say 【演练 DRILL】; acknowledge it on the board
  4. readiness            $S/readiness             (every kiosk that would fail its department now)
  5. workbench            $S/workbench                 (data-entry teams; drill records are held: never the real HIS)
  6. drill report         $S/drills/$drill_id/report   (printable; ?lang=en; figures computed from the timeline)
     the drill ends by itself when the network is back and the incident closes (≈$((7 * 60 / DRILL_FACTOR + 1)) min)
MSG

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  for opener in xdg-open sensible-browser; do
    if command -v "$opener" >/dev/null 2>&1; then
      "$opener" "$S/board" >/dev/null 2>&1 || true
      "$opener" "http://localhost:$KIOSK_PORT" >/dev/null 2>&1 || true
      "$opener" "$S/drills/$drill_id/report" >/dev/null 2>&1 || true
      break
    fi
  done
fi
