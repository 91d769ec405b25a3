#!/usr/bin/env bash
# ./llo stop: stops an app host started by ./llo run (SIGTERM, which stops every process it
# started), then any PostgreSQL or RabbitMQ that a killed run left behind under .llo/.
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$ROOT/eng/servers.sh"

PID_FILE="$ROOT/.llo/apphost.pid"
quiet=false; [ "${1:-}" = "--quiet" ] && quiet=true
say() { $quiet || echo "$@"; }

if [ -f "$PID_FILE" ]; then
  pid=$(cat "$PID_FILE")
  # Only a process that really is this checkout's app host: after a crash the pid may belong to something
  # else (or to another checkout's app host). ./llo run starts it by its full path.
  if pid_has_arg "$pid" "$ROOT/Llo.AppHost/bin/Release/net10.0/Llo.AppHost"; then
    say "Stopping the app host (pid $pid)..."
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 1
    done
    if kill -0 "$pid" 2>/dev/null; then
      say "The app host did not stop within 60 s; killing it."
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  llo_wait_for_orchestrator "$pid"
  rm -f "$PID_FILE"
fi

# Servers of a run whose app host was killed (they are stopped cleanly, their data kept).
llo_stop_leftover_servers "$ROOT/.llo" "${Llo__Ports__RabbitMq:-5673}"
say "Stopped."
