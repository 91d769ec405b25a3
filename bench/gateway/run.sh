#!/usr/bin/env bash
# The gateway's cost: the same JSON read directly against the inventory service and through the gateway,
# alternating rounds with wrk on loopback, reported side by side with ratios and PASS/FAIL against the goal
# (>= 80% of direct throughput, <= 1 ms added at p50).
#
#   bench/gateway/run.sh          the real inventory, with a private PostgreSQL and RabbitMQ
#   bench/gateway/run.sh stub     a stand-in service with a fixed answer (no database): the gateway alone
#
# Knobs (environment): BENCH_DURATION (15s), BENCH_WARMUP (5s), BENCH_CONNECTIONS (16), BENCH_THREADS (2),
# BENCH_ROUNDS (3), BENCH_PATH (/api/inventory/v1/projects?pageSize=10), BENCH_PG_PORT (58432),
# BENCH_RABBITMQ_PORT (58672). Writes bench/results/latest.md. Stops everything it started on exit.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
# shellcheck source=../../eng/servers.sh
. "$ROOT/eng/servers.sh"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

MODE=${1:-inventory}
DURATION=${BENCH_DURATION:-15s}
WARMUP=${BENCH_WARMUP:-5s}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
THREADS=${BENCH_THREADS:-2}
ROUNDS=${BENCH_ROUNDS:-3}
REQUEST_PATH=${BENCH_PATH:-/api/inventory/v1/projects?pageSize=10}
PG_PORT=${BENCH_PG_PORT:-58432}
RABBIT_PORT=${BENCH_RABBITMQ_PORT:-58672}
RABBIT_NODE=llo-bench-$RABBIT_PORT@localhost
SERVICE_HTTP=58110 SERVICE_GRPC=58111 GATEWAY_HTTP=58080 GATEWAY_GRPC=58081
DIRECT=http://127.0.0.1:$SERVICE_HTTP
GATEWAY=http://127.0.0.1:$GATEWAY_HTTP
RESULTS=$ROOT/bench/results
mkdir -p "$RESULTS"
STATE=$(llo_state_dir "$ROOT/.llo/bench")
LOGS=$RESULTS/logs
mkdir -p "$LOGS"

case "$MODE" in
  inventory) SERVICE_PROJECT=services/Inventory/Llo.Inventory.Api/Llo.Inventory.Api.csproj ;;
  stub) SERVICE_PROJECT=bench/Llo.Bench.Stub/Llo.Bench.Stub.csproj ;;
  *) echo "Usage: bench/gateway/run.sh [inventory|stub]" >&2; exit 2 ;;
esac

command -v wrk >/dev/null || { echo "Installing wrk..."; apt-get install -y wrk >/dev/null; }

PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ "$MODE" = inventory ]; then
    rabbit_stop "$STATE/rabbitmq" "$RABBIT_NODE"
    pg_stop "$STATE/postgres"
  fi
}
trap cleanup EXIT

for port in $SERVICE_HTTP $SERVICE_GRPC $GATEWAY_HTTP $GATEWAY_GRPC; do
  if port_open "$port"; then echo "Port $port is in use; stop what listens there first." >&2; exit 1; fi
done

echo "Building (Release)..."
dotnet build "$SERVICE_PROJECT" -c Release -nologo -v q >"$LOGS/build.log" 2>&1 || { cat "$LOGS/build.log"; exit 1; }
dotnet build gateway/Llo.Gateway/Llo.Gateway.csproj -c Release -nologo -v q >>"$LOGS/build.log" 2>&1 || { cat "$LOGS/build.log"; exit 1; }

SERVICE_ENV=()
if [ "$MODE" = inventory ]; then
  echo "Starting PostgreSQL ($PG_PORT) and RabbitMQ ($RABBIT_PORT) under $STATE..."
  pg_start "$STATE/postgres" "$PG_PORT"
  as_user postgres "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = 'inventory'" | grep -q 1 \
    || as_user postgres "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE inventory"
  rabbit_start "$STATE/rabbitmq" "$RABBIT_NODE" "$RABBIT_PORT"
  SERVICE_ENV=("ConnectionStrings__inventory-db=Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=inventory"
    "ConnectionStrings__messaging=amqp://guest:guest@127.0.0.1:$RABBIT_PORT/")
fi

# Both processes log warnings only: console logging per request would measure the console.
# Each runs from its output folder, which is its content root (appsettings.json).
SERVICE_BIN=$(dirname "$SERVICE_PROJECT")/bin/Release/net10.0
SERVICE_DLL=$(basename "$SERVICE_PROJECT" .csproj).dll
echo "Starting the service ($MODE) on $SERVICE_HTTP/$SERVICE_GRPC and the gateway on $GATEWAY_HTTP/$GATEWAY_GRPC..."
env "${SERVICE_ENV[@]}" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  Kestrel__Endpoints__http__Url=$DIRECT Kestrel__Endpoints__grpc__Url=http://127.0.0.1:$SERVICE_GRPC \
  bash -c 'cd "$1" && exec dotnet "$2"' _ "$SERVICE_BIN" "$SERVICE_DLL" >"$LOGS/service.log" 2>&1 &
PIDS+=($!)
# The rate limit stays on the hot path, set far above what one loopback client can send.
env ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  Kestrel__Endpoints__http__Url=$GATEWAY Kestrel__Endpoints__grpc__Url=http://127.0.0.1:$GATEWAY_GRPC \
  services__inventory__http__0=$DIRECT services__inventory__grpc__0=http://127.0.0.1:$SERVICE_GRPC \
  Gateway__RateLimit__PermitLimit=2000000000 \
  bash -c 'cd "$1" && exec dotnet Llo.Gateway.dll' _ gateway/Llo.Gateway/bin/Release/net10.0 >"$LOGS/gateway.log" 2>&1 &
PIDS+=($!)

wait_for() {
  local url=$1 deadline=$((SECONDS + 120))
  until curl -sf -o /dev/null "$url"; do
    if [ $SECONDS -ge $deadline ]; then echo "No healthy answer from $url; see $LOGS." >&2; exit 1; fi
    sleep 0.5
  done
}
wait_for "$DIRECT/health"
wait_for "$GATEWAY/health"
for base in "$DIRECT" "$GATEWAY"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$base$REQUEST_PATH")
  [ "$code" = 200 ] || { echo "GET $base$REQUEST_PATH answers $code, not 200; see $LOGS." >&2; exit 1; }
done

# run_wrk URL DURATION -> "rps p50_ms p99_ms non2xx"
run_wrk() {
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2" --latency "$1" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    $1 == "Requests/sec:" { rps = $2 }
    /Non-2xx or 3xx responses:/ { bad = $NF }
    /Socket errors:/ { gsub(",", ""); bad += $4 + $6 + $8 + $10 }
    END { printf "%.1f %.3f %.3f %d\n", rps, p50, p99, bad }'
}

echo "Warm-up ($WARMUP each)..."
run_wrk "$DIRECT$REQUEST_PATH" "$WARMUP" >/dev/null
run_wrk "$GATEWAY$REQUEST_PATH" "$WARMUP" >/dev/null

ROWS=$(mktemp)
for round in $(seq 1 "$ROUNDS"); do
  for target in direct gateway; do
    base=$DIRECT; [ $target = gateway ] && base=$GATEWAY
    read -r rps p50 p99 bad < <(run_wrk "$base$REQUEST_PATH" "$DURATION")
    echo "$round $target $rps $p50 $p99 $bad" | tee -a "$ROWS"
  done
done

# Medians over the rounds, then ratios and the verdict.
REPORT=$(awk -v mode="$MODE" -v c="$CONNECTIONS" -v t="$THREADS" -v d="$DURATION" -v n="$ROUNDS" -v path="$REQUEST_PATH" '
  function median(a, k,   i, j, x) {
    for (i = 2; i <= k; i++) { x = a[i]; for (j = i - 1; j >= 1 && a[j] > x; j--) a[j + 1] = a[j]; a[j + 1] = x }
    return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2
  }
  { k = ++count[$2]; rps[$2, k] = $3; p50[$2, k] = $4; p99[$2, k] = $5; bad += $6
    rounds = rounds sprintf("| %d | %s | %.0f | %.3f | %.3f |\n", $1, $2, $3, $4, $5) }
  END {
    for (s in count) { split("", a); for (i = 1; i <= count[s]; i++) a[i] = rps[s, i]; R[s] = median(a, count[s])
      split("", a); for (i = 1; i <= count[s]; i++) a[i] = p50[s, i]; P50[s] = median(a, count[s])
      split("", a); for (i = 1; i <= count[s]; i++) a[i] = p99[s, i]; P99[s] = median(a, count[s]) }
    ratio = 100 * R["gateway"] / R["direct"]; add50 = P50["gateway"] - P50["direct"]; add99 = P99["gateway"] - P99["direct"]
    pass = (ratio >= 80 && add50 <= 1 && bad == 0)
    printf "GET %s (%s), wrk %d threads, %d connections, %s per run, %d rounds, median of rounds\n\n", path, mode, t, c, d, n
    printf "| | throughput (req/s) | p50 (ms) | p99 (ms) |\n|---|---:|---:|---:|\n"
    printf "| direct | %.0f | %.3f | %.3f |\n", R["direct"], P50["direct"], P99["direct"]
    printf "| gateway | %.0f | %.3f | %.3f |\n", R["gateway"], P50["gateway"], P99["gateway"]
    printf "| gateway vs direct | %.1f%% | %+.3f | %+.3f |\n\n", ratio, add50, add99
    printf "Goal: gateway >= 80%% of direct throughput and <= 1 ms added at p50: %s%s\n\n", pass ? "PASS" : "FAIL", bad ? sprintf(" (%d failed responses or socket errors)", bad) : ""
    printf "Rounds:\n\n| round | target | req/s | p50 (ms) | p99 (ms) |\n|---:|---|---:|---:|---:|\n%s", rounds
  }' "$ROWS")
rm -f "$ROWS"

{
  echo "# Gateway benchmark"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $(nproc) cores, all on loopback."
  echo
  echo "$REPORT"
} >"$RESULTS/latest.md"
echo
echo "$REPORT"
echo
echo "Written to bench/results/latest.md"
