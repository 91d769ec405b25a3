#!/usr/bin/env bash
# The fault suite, one command (a few minutes, loopback only, bounded): writes FAULTS_PROJECTS projects (1,000) through
# the gateway at a steady rate while it SIGKILLs and restarts, in turn, RabbitMQ, the inventory service and PostgreSQL;
# a test consumer with its own queue and broker user counts ProjectRegistered. Then it drains, compares acknowledged
# writes, stored projects and delivered events, and prints the table (writes acknowledged, refused by status code,
# events received, missing, handled twice, 500s), also written to bench/results/faults.md. Goal: 0 missing, 0 doubled,
# no 500. Exit status 0 only when the goal is met.
#
# It builds Release and starts, under .llo/faults (fresh each run), a private PostgreSQL (59432) and RabbitMQ (59472),
# each service with its own generated login, then identity (59420/59421), inventory (59410/59411) and the gateway
# (59400/59401). Writes carry a partner editor's token from /connect/token (demo client llo-cli). Everything it
# started is stopped on exit, and it checks that nothing is left listening on 59400-59499.
#
# Knobs (environment): FAULTS_PROJECTS (1000), FAULTS_RATE (writes/s, 4), FAULTS_AT ("10 40 70": each kill waits until
# this percentage of the writes is acknowledged, and FAULTS_GAP after the previous recovery), FAULTS_DOWN (s a killed process stays dead, 10), FAULTS_GAP (s between a recovery and the next kill, 20),
# FAULTS_TIMEOUT (s per write attempt, 10), FAULTS_DRAIN (s at most to wait for the last events, 120),
# FAULTS_VICTIMS ("rabbitmq inventory postgres"), FAULTS_BUILD (0 skips the Release build of an unchanged checkout).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
# shellcheck source=../../eng/servers.sh
. "$ROOT/eng/servers.sh"
# shellcheck source=platform.sh
. "$ROOT/bench/faults/platform.sh"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

PROJECTS=${FAULTS_PROJECTS:-1000}
RATE=${FAULTS_RATE:-4}
FAULTS_AT=${FAULTS_AT:-10 40 70}
DOWN=${FAULTS_DOWN:-10}
GAP=${FAULTS_GAP:-20}
VICTIMS=${FAULTS_VICTIMS:-rabbitmq inventory postgres}
GATEWAY_HTTP=59400 GATEWAY_GRPC=59401 INVENTORY_HTTP=59410 INVENTORY_GRPC=59411 IDENTITY_HTTP=59420 IDENTITY_GRPC=59421
PG_PORT=59432 RABBIT_PORT=59472
# The node's epmd and distribution ports stay in the suite's range too (distribution is RABBIT_PORT + 10).
export LLO_RABBITMQ_EPMD_PORT=59473
RABBIT_NODE=llo-faults-$RABBIT_PORT@localhost
GATEWAY=http://127.0.0.1:$GATEWAY_HTTP
RESULTS=$ROOT/bench/results
LOGS=$RESULTS/faults-logs
STATE=$(llo_state_dir "$ROOT/.llo/faults")
RUN_ID=$(date -u +%H%M%S)

SERVICE_PIDS=()
INVENTORY_PID="" IDENTITY_PID="" GATEWAY_PID="" CLIENT_PID=""
cleanup() {
  for pid in "$CLIENT_PID" "$GATEWAY_PID" "$INVENTORY_PID" "$IDENTITY_PID"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  for pid in "$CLIENT_PID" "$GATEWAY_PID" "$INVENTORY_PID" "$IDENTITY_PID"; do [ -n "$pid" ] && wait "$pid" 2>/dev/null || true; done
  rabbit_stop "$STATE/rabbitmq" "$RABBIT_NODE"
  pg_stop "$STATE/postgres"
  local left
  left=$(ss -Hltn 2>/dev/null | awk '{ print $4 }' | grep -E ':594[0-9][0-9]$' || true)
  if [ -n "$left" ]; then echo "Still listening after the run: $left" >&2; else echo "Stopped everything; nothing listens on 59400-59499."; fi
}

for port in $GATEWAY_HTTP $GATEWAY_GRPC $INVENTORY_HTTP $INVENTORY_GRPC $IDENTITY_HTTP $IDENTITY_GRPC $PG_PORT $RABBIT_PORT \
    $((RABBIT_PORT + 10)) $LLO_RABBITMQ_EPMD_PORT; do
  if port_open "$port"; then echo "Port $port is in use; stop what listens there first." >&2; exit 1; fi
done
# A fresh platform each run, so the figures are this run's only.
pg_stop "$STATE/postgres"
rm -rf "$STATE/postgres" "$STATE/rabbitmq" "$LOGS"
mkdir -p "$LOGS"
trap cleanup EXIT

[ "${FAULTS_BUILD:-1}" = 0 ] || echo "Building (Release)..."
[ "${FAULTS_BUILD:-1}" = 0 ] || for project in services/Identity/Llo.Identity.Api/Llo.Identity.Api.csproj services/Inventory/Llo.Inventory.Api/Llo.Inventory.Api.csproj \
    gateway/Llo.Gateway/Llo.Gateway.csproj bench/faults/Llo.Bench.Faults/Llo.Bench.Faults.csproj; do
  dotnet build "$project" -c Release -nologo -v q -clp:ErrorsOnly >>"$LOGS/build.log" 2>&1 || { cat "$LOGS/build.log"; exit 1; }
done

echo "Starting PostgreSQL ($PG_PORT) and RabbitMQ ($RABBIT_PORT) under $STATE, each service with its own login..."
pg_start "$STATE/postgres" "$PG_PORT"
rabbit_start "$STATE/rabbitmq" "$RABBIT_NODE" "$RABBIT_PORT"
for name in identity inventory; do
  faults_database_owner "$STATE/postgres" "$PG_PORT" "$name"
  faults_broker_user "$STATE/rabbitmq" "$RABBIT_NODE" "$name"
done
faults_broker_user "$STATE/rabbitmq" "$RABBIT_NODE" faults
# The node names its own OS process (asked now: rabbitmqctl takes many seconds on a busy machine); before the kill
# the process's command line must still name our data directory (as its home).
rabbit_os_pid() { rabbit_ctl "$STATE/rabbitmq" "$RABBIT_NODE" eval 'os:getpid().' 2>/dev/null | tr -dc '0-9' || true; }
RABBIT_PID=$(rabbit_os_pid)

# Tokens name the gateway as issuer; the inventory fetches the signing keys from the identity service directly.
ISSUER=(Llo__Identity__Issuer=$GATEWAY/ Llo__Identity__Authority=http://127.0.0.1:$IDENTITY_HTTP)
start_identity() {
  faults_start_dotnet "$LOGS/identity.log" services/Identity/Llo.Identity.Api/bin/Release/net10.0 Llo.Identity.Api.dll "${ISSUER[@]}" \
    "ConnectionStrings__identity-db=$(faults_database_connection "$STATE/postgres" "$PG_PORT" identity)" \
    "ConnectionStrings__messaging=$(faults_broker_uri "$STATE/rabbitmq" "$RABBIT_PORT" identity)" \
    Kestrel__Endpoints__http__Url=http://127.0.0.1:$IDENTITY_HTTP Kestrel__Endpoints__grpc__Url=http://127.0.0.1:$IDENTITY_GRPC
  IDENTITY_PID=$STARTED_PID
}
start_inventory() {
  faults_start_dotnet "$LOGS/inventory.log" services/Inventory/Llo.Inventory.Api/bin/Release/net10.0 Llo.Inventory.Api.dll "${ISSUER[@]}" \
    "ConnectionStrings__inventory-db=$(faults_database_connection "$STATE/postgres" "$PG_PORT" inventory)" \
    "ConnectionStrings__messaging=$(faults_broker_uri "$STATE/rabbitmq" "$RABBIT_PORT" inventory)" \
    Kestrel__Endpoints__http__Url=http://127.0.0.1:$INVENTORY_HTTP Kestrel__Endpoints__grpc__Url=http://127.0.0.1:$INVENTORY_GRPC
  INVENTORY_PID=$STARTED_PID
}
start_gateway() {
  # The rate limit stays on, far above what the suite sends.
  faults_start_dotnet "$LOGS/gateway.log" gateway/Llo.Gateway/bin/Release/net10.0 Llo.Gateway.dll "${ISSUER[@]}" \
    Gateway__Services__0=inventory Gateway__Services__1=identity Gateway__RateLimit__PermitLimit=1000000 \
    services__inventory__http__0=http://127.0.0.1:$INVENTORY_HTTP services__inventory__grpc__0=http://127.0.0.1:$INVENTORY_GRPC \
    services__identity__http__0=http://127.0.0.1:$IDENTITY_HTTP services__identity__grpc__0=http://127.0.0.1:$IDENTITY_GRPC \
    Kestrel__Endpoints__http__Url=$GATEWAY Kestrel__Endpoints__grpc__Url=http://127.0.0.1:$GATEWAY_GRPC
  GATEWAY_PID=$STARTED_PID
}

echo "Starting identity ($IDENTITY_HTTP), inventory ($INVENTORY_HTTP) and the gateway ($GATEWAY_HTTP)..."
start_identity
start_inventory
start_gateway
for url in http://127.0.0.1:$IDENTITY_HTTP/health http://127.0.0.1:$INVENTORY_HTTP/health $GATEWAY/health; do
  faults_wait_healthy "$url" 180 || { echo "No healthy answer from $url; see $LOGS." >&2; exit 1; }
done

TIMELINE=$LOGS/timeline.md
START=$SECONDS
at() { echo "$((SECONDS - START))"; }
note() { echo "| $(at) s | $* |" | tee -a "$TIMELINE"; }
: >"$TIMELINE"
LOADS=()
sample_load() { LOADS+=("$(cut -d' ' -f1 /proc/loadavg)"); }

echo "Writing $PROJECTS projects at $RATE/s (run $RUN_ID); logs in $LOGS."
FAULTS_GATEWAY=$GATEWAY FAULTS_RUN_ID=$RUN_ID FAULTS_PROJECTS=$PROJECTS FAULTS_RATE=$RATE FAULTS_WORK_DIR=$LOGS \
  FAULTS_AMQP=$(faults_broker_uri "$STATE/rabbitmq" "$RABBIT_PORT" faults) \
  FAULTS_INVENTORY_DB=$(faults_database_connection "$STATE/postgres" "$PG_PORT" inventory) \
  bench/faults/Llo.Bench.Faults/bin/Release/net10.0/Llo.Bench.Faults >"$LOGS/table.md" 2> >(tee "$LOGS/client.log" >&2) &
CLIENT_PID=$!

# wait_recovered NAME URL: how long until the inventory answers healthy again (a probe, not part of the verdict).
recovered() {
  if faults_wait_healthy "http://127.0.0.1:$INVENTORY_HTTP/health" 120; then note "$1: inventory healthy again"; else note "$1: inventory not healthy within 120 s"; fi
}

# acknowledged: how many writes the client has had acknowledged so far.
acknowledged() { cat "$LOGS/acknowledged" 2>/dev/null || echo 0; }
read -r -a AT <<<"$FAULTS_AT"
index=0
for victim in $VICTIMS; do
  # Each kill waits for its share of the writes (and GAP after the previous recovery), so it falls within the writes.
  until [ "$(acknowledged)" -ge $((PROJECTS * ${AT[$index]:-90} / 100)) ] || [ -e "$LOGS/writes.done" ] || ! kill -0 "$CLIENT_PID" 2>/dev/null; do
    sleep 0.5
  done
  index=$((index + 1))
  kill -0 "$CLIENT_PID" 2>/dev/null || break
  sample_load
  note "$(acknowledged) writes acknowledged"
  case "$victim" in
    rabbitmq)
      pid_has_arg "$RABBIT_PID" "$STATE/rabbitmq" || { echo "No process of node $RABBIT_NODE found to kill." >&2; exit 1; }
      faults_kill_tree "$RABBIT_PID"; note "SIGKILL RabbitMQ (pid $RABBIT_PID)"
      sleep "$DOWN"
      rabbit_start "$STATE/rabbitmq" "$RABBIT_NODE" "$RABBIT_PORT"; note "RabbitMQ started again"
      RABBIT_PID=$(rabbit_os_pid)
      ;;
    inventory)
      faults_kill_tree "$INVENTORY_PID"; wait "$INVENTORY_PID" 2>/dev/null || true; note "SIGKILL inventory (pid $INVENTORY_PID)"
      sleep "$DOWN"
      start_inventory; note "inventory started again (pid $INVENTORY_PID)"
      ;;
    postgres)
      pid=$(head -1 "$STATE/postgres/data/postmaster.pid" 2>/dev/null || true)
      pid_has_arg "$pid" "$STATE/postgres/data" || { echo "PostgreSQL's pid file names no postmaster of $STATE/postgres/data." >&2; exit 1; }
      faults_kill_tree "$pid"; note "SIGKILL PostgreSQL (postmaster $pid and its backends)"
      sleep "$DOWN"
      pg_start "$STATE/postgres" "$PG_PORT"; note "PostgreSQL started again (crash recovery)"
      ;;
    *) echo "Unknown victim $victim" >&2; exit 2 ;;
  esac
  recovered "$victim"
  sample_load
  sleep "$GAP"
done
touch "$LOGS/faults.done"
note "faults over; draining"

status=0
while kill -0 "$CLIENT_PID" 2>/dev/null; do sample_load; sleep 5; done
wait "$CLIENT_PID" || status=$?
CLIENT_PID=""
sample_load
LOAD_RANGE=$(printf '%s\n' "${LOADS[@]}" | sort -n | sed -n '1p;$p' | paste -sd '-' -)

{
  echo "# Fault suite"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $(nproc) cores, loopback;" \
    "$PROJECTS projects at $RATE/s, victims: $VICTIMS (killed at $FAULTS_AT % of the writes, each dead $DOWN s); 1-min load average during the run $LOAD_RANGE."
  echo
  cat "$LOGS/table.md"
  echo
  echo "| time | fault |"
  echo "|---:|---|"
  cat "$TIMELINE"
} >"$RESULTS/faults.md"
echo
cat "$RESULTS/faults.md"
echo
echo "Written to bench/results/faults.md (logs: bench/results/faults-logs/)."
exit "$status"
