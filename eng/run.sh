#!/usr/bin/env bash
# ./llo run: checks prerequisites, builds, starts the Aspire app host in the foreground and prints
# the gateway and dashboard URLs. Ctrl+C, SIGTERM or ./llo stop stops everything it started.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
. "$ROOT/eng/servers.sh"
. "$ROOT/eng/prereqs.sh"

GATEWAY_PORT=${Llo__Ports__Gateway:-8080}
DASHBOARD_URL=http://localhost:18888
mkdir -p .llo
PID_FILE="$ROOT/.llo/apphost.pid"
LOG="$ROOT/.llo/apphost.log"

llo_ensure_prereqs
# A previous run that crashed or was killed may have left its app host or servers behind.
"$ROOT/eng/stop.sh" --quiet
llo_port_free "$GATEWAY_PORT" "gateway" && llo_port_free "${Llo__Ports__GatewayGrpc:-8081}" "gateway gRPC" &&
  llo_port_free 18888 "dashboard" && llo_port_free 18889 "dashboard OTLP" && llo_port_free 18890 "dashboard resource service" || exit 1
if [ "${Llo__Infrastructure:-}" != "External" ]; then
  llo_port_free "${Llo__Ports__Postgres:-5433}" "PostgreSQL" && llo_port_free "${Llo__Ports__RabbitMq:-5673}" "RabbitMQ" || exit 1
fi

echo "Building..."
dotnet build Llo.AppHost/Llo.AppHost.csproj -c Release -nologo -v q -clp:ErrorsOnly

# The "http" launch profile (Llo.AppHost/Properties/launchSettings.json): dashboard over plain HTTP
# on loopback, so no developer certificate is needed.
export ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development
export ASPIRE_ALLOW_UNSECURED_TRANSPORT=true
export ASPNETCORE_URLS=$DASHBOARD_URL
export ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://localhost:18889
export ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL=http://localhost:18890

: >"$LOG"
# The app host binary itself (not `dotnet run`), so the pid we signal is the app host's; by its full path,
# which ./llo stop checks before it trusts the pid file.
"$ROOT/Llo.AppHost/bin/Release/net10.0/Llo.AppHost" >>"$LOG" 2>&1 &
apphost=$!
echo "$apphost" >"$PID_FILE"

stopping=false
stop() {
  stopping=true
  echo; echo "Stopping (app host pid $apphost)..."
  # SIGTERM, not SIGINT: a background process of a non-interactive shell ignores SIGINT.
  kill -TERM "$apphost" 2>/dev/null || true
}
trap stop INT TERM HUP

tail -n +1 -f "$LOG" --pid="$apphost" &
tailer=$!

# The dashboard logs its login URL (with a one-time token) once it listens.
login=""
for _ in $(seq 1 120); do
  login=$(grep -aoE "$DASHBOARD_URL/login\?t=[0-9a-zA-Z]+" "$LOG" | tail -1 || true)
  [ -n "$login" ] || ! kill -0 "$apphost" 2>/dev/null || $stopping && break
  sleep 1
done
if [ -n "$login" ] && ! $stopping; then
  gateway="waiting for its services; shown healthy on the dashboard when ready"
  for _ in $(seq 1 240); do
    if curl -fs -m 2 -o /dev/null "http://localhost:$GATEWAY_PORT/health"; then gateway="up"; break; fi
    kill -0 "$apphost" 2>/dev/null && ! $stopping || break
    sleep 1
  done
  $stopping || cat <<BANNER

==============================================================================
  Llo is running.
  Gateway:    http://localhost:$GATEWAY_PORT  ($gateway)
  Dashboard:  $login
  App host log: .llo/apphost.log    Stop: Ctrl+C or ./llo stop
==============================================================================

BANNER
fi

# wait returns early when a trapped signal arrives: keep waiting until the app host is gone.
status=0
while kill -0 "$apphost" 2>/dev/null; do
  wait "$apphost" || status=$?
done
kill "$tailer" 2>/dev/null || true
echo "Waiting for the services and servers to stop..."
llo_wait_for_orchestrator "$apphost"
rm -f "$PID_FILE"
# Belt and braces: if the app host died without stopping its servers, stop them now.
llo_stop_leftover_servers "$ROOT/.llo" "${Llo__Ports__RabbitMq:-5673}"
if $stopping; then echo "Stopped."; exit 0; fi
echo "The app host exited (status $status); see .llo/apphost.log."
exit "$status"
