#!/usr/bin/env bash
# The gateway's cost: the same JSON read directly against the inventory service and through the gateway,
# side by side in one run on loopback, in two phases that each alternate direct and gateway rounds:
#
#   1. throughput: wrk at saturation (a fixed number of connections sending back to back) -> req/s, and the
#      CPU time the gateway and the service spend per request (from /proc, so other load on the machine
#      hardly bends it);
#   2. latency: hey at a FIXED request rate both paths can sustain (default half the gateway's saturated
#      throughput) -> p50/p99 and the milliseconds the gateway adds. At saturation the p50 is mostly time
#      spent queueing for the machine's cores, which is why the latency goal is judged here.
#
# Medians of the rounds, ratios, PASS/FAIL against the goal (>= 80% of direct throughput, <= 1 ms added
# at p50), written to bench/results/latest.md.
#
#   bench/gateway/run.sh          the real inventory, with a private PostgreSQL and RabbitMQ
#   bench/gateway/run.sh stub     a stand-in service with a fixed answer (no database): the gateway alone
#
# Knobs (environment): BENCH_DURATION (15s), BENCH_WARMUP (15s), BENCH_CONNECTIONS (16), BENCH_THREADS (2),
# BENCH_ROUNDS (3), BENCH_RATE (req/s of the latency phase; default 50% of the gateway's saturated
# throughput), BENCH_RATE_WORKERS (16), BENCH_LATENCY_DURATION (15s), BENCH_LOADGEN_CPUS (empty: no pinning;
# e.g. "1" runs wrk/hey under `taskset -c 1`), BENCH_PATH (/api/inventory/v1/projects?pageSize=10),
# BENCH_PG_PORT (58432), BENCH_RABBITMQ_PORT (58672), BENCH_GATEWAY_ENV / BENCH_SERVICE_ENV (extra
# NAME=value settings, space separated, for trying a setting on one side). Stops everything it started on exit.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
# shellcheck source=../../eng/servers.sh
. "$ROOT/eng/servers.sh"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

MODE=${1:-inventory}
DURATION=${BENCH_DURATION:-15s}
WARMUP=${BENCH_WARMUP:-15s}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
THREADS=${BENCH_THREADS:-2}
ROUNDS=${BENCH_ROUNDS:-3}
RATE=${BENCH_RATE:-}
RATE_WORKERS=${BENCH_RATE_WORKERS:-16}
LATENCY_DURATION=${BENCH_LATENCY_DURATION:-15s}
LOADGEN_CPUS=${BENCH_LOADGEN_CPUS:-}
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
command -v hey >/dev/null || { echo "Installing hey..."; apt-get install -y hey >/dev/null; }
# The load generator may be pinned to some cores (BENCH_LOADGEN_CPUS); the service, gateway and
# PostgreSQL are never pinned: the scheduler balances them as it would in production.
LOADGEN=()
[ -n "$LOADGEN_CPUS" ] && LOADGEN=(taskset -c "$LOADGEN_CPUS")

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
  PG_PASSWORD=$(pg_password "$STATE/postgres")
  as_user postgres env PGPASSWORD="$PG_PASSWORD" "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = 'inventory'" | grep -q 1 \
    || as_user postgres env PGPASSWORD="$PG_PASSWORD" "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE inventory"
  rabbit_start "$STATE/rabbitmq" "$RABBIT_NODE" "$RABBIT_PORT"
  SERVICE_ENV=("ConnectionStrings__inventory-db=Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=$PG_PASSWORD;Database=inventory"
    "ConnectionStrings__messaging=$(rabbit_uri "$STATE/rabbitmq" "$RABBIT_PORT")")
fi
read -r -a EXTRA_SERVICE_ENV <<<"${BENCH_SERVICE_ENV:-}"
read -r -a EXTRA_GATEWAY_ENV <<<"${BENCH_GATEWAY_ENV:-}"

# Both processes log warnings only: console logging per request would measure the console.
# Each runs from its output folder, which is its content root (appsettings.json).
SERVICE_BIN=$(dirname "$SERVICE_PROJECT")/bin/Release/net10.0
SERVICE_DLL=$(basename "$SERVICE_PROJECT" .csproj).dll
echo "Starting the service ($MODE) on $SERVICE_HTTP/$SERVICE_GRPC and the gateway on $GATEWAY_HTTP/$GATEWAY_GRPC..."
env "${SERVICE_ENV[@]}" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  Kestrel__Endpoints__http__Url=$DIRECT Kestrel__Endpoints__grpc__Url=http://127.0.0.1:$SERVICE_GRPC \
  "${EXTRA_SERVICE_ENV[@]}" \
  bash -c 'cd "$1" && exec dotnet "$2"' _ "$SERVICE_BIN" "$SERVICE_DLL" >"$LOGS/service.log" 2>&1 &
SERVICE_PID=$!
PIDS+=("$SERVICE_PID")
# The rate limit stays on the hot path, set far above what one loopback client can send.
env ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  Kestrel__Endpoints__http__Url=$GATEWAY Kestrel__Endpoints__grpc__Url=http://127.0.0.1:$GATEWAY_GRPC \
  Gateway__Services__0=inventory services__inventory__http__0=$DIRECT services__inventory__grpc__0=http://127.0.0.1:$SERVICE_GRPC \
  Gateway__RateLimit__PermitLimit=2000000000 \
  "${EXTRA_GATEWAY_ENV[@]}" \
  bash -c 'cd "$1" && exec dotnet Llo.Gateway.dll' _ gateway/Llo.Gateway/bin/Release/net10.0 >"$LOGS/gateway.log" 2>&1 &
GATEWAY_PID=$!
PIDS+=("$GATEWAY_PID")

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

load1() { cut -d' ' -f1 /proc/loadavg; }
# CPU time (user + system, clock ticks) a process has used so far.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
TICK_US=$((1000000 / $(getconf CLK_TCK)))

# run_wrk URL DURATION -> "rps p50_ms p99_ms failures requests"
run_wrk() {
  "${LOADGEN[@]}" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2" --latency "$1" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    $1 == "Requests/sec:" { rps = $2 }
    / requests in / { n = $1 }
    /Non-2xx or 3xx responses:/ { bad += $NF }
    /Socket errors:/ { gsub(",", ""); bad += $4 + $6 + $8 + $10 }
    END { printf "%.1f %.3f %.3f %d %d\n", rps, p50, p99, bad, n }'
}

# run_hey URL DURATION RATE -> "rps p50_ms p99_ms failures requests"
# hey -q is a rate per worker: each worker waits for its next tick, so the total rate stays fixed while
# a response takes less than workers/rate seconds. Percentiles come from every request's time (hey's CSV
# has 0.1 ms resolution), nearest-rank.
run_hey() {
  local secs=${2%s} per_worker
  per_worker=$(awk -v r="$3" -v w="$RATE_WORKERS" 'BEGIN { printf "%.3f", r / w }')
  "${LOADGEN[@]}" hey -z "$2" -c "$RATE_WORKERS" -q "$per_worker" -disable-compression -o csv "$1" | awk -F, -v secs="$secs" '
    NR == 1 { next }
    { n++; t[n] = $1 * 1000; if ($7 != 200) bad++ }
    END {
      if (n == 0) { print "0 0 0 1 0"; exit }
      # insertion sort would be slow for ~10^4 samples: a counting sort on the 0.1 ms grid instead.
      for (i = 1; i <= n; i++) { k = int(t[i] * 10 + 0.5); c[k]++; if (k > max) max = k }
      r50 = int(n * 0.50 + 0.999999); r99 = int(n * 0.99 + 0.999999); seen = 0; p50 = p99 = -1
      for (k = 0; k <= max; k++) { seen += c[k]; if (p50 < 0 && seen >= r50) p50 = k / 10; if (p99 < 0 && seen >= r99) p99 = k / 10 }
      printf "%.1f %.3f %.3f %d %d\n", n / secs, p50, p99, bad + 0, n }'
}

# measure PHASE TARGET ROUND -> appends "phase round target rps p50 p99 bad load gw_us svc_us" to ROWS
ROWS=$(mktemp)
measure() {
  local phase=$1 target=$2 round=$3 base=$DIRECT load g0 s0 g1 s1 rps p50 p99 bad n
  [ "$target" = gateway ] && base=$GATEWAY
  load=$(load1); g0=$(cpu_ticks "$GATEWAY_PID"); s0=$(cpu_ticks "$SERVICE_PID")
  if [ "$phase" = throughput ]; then
    read -r rps p50 p99 bad n < <(run_wrk "$base$REQUEST_PATH" "$DURATION")
  else
    read -r rps p50 p99 bad n < <(run_hey "$base$REQUEST_PATH" "$LATENCY_DURATION" "$RATE")
  fi
  g1=$(cpu_ticks "$GATEWAY_PID"); s1=$(cpu_ticks "$SERVICE_PID")
  [ "$n" -gt 0 ] || n=1
  echo "$phase $round $target $rps $p50 $p99 $bad $load $(((g1 - g0) * TICK_US / n)) $(((s1 - s0) * TICK_US / n))" | tee -a "$ROWS"
}

echo "Warm-up ($WARMUP each)..."
run_wrk "$DIRECT$REQUEST_PATH" "$WARMUP" >/dev/null
run_wrk "$GATEWAY$REQUEST_PATH" "$WARMUP" >/dev/null

echo "phase round target req/s p50_ms p99_ms failures load1 gateway_cpu_us/req service_cpu_us/req"
for round in $(seq 1 "$ROUNDS"); do
  for target in direct gateway; do measure throughput "$target" "$round"; done
done

if [ -z "$RATE" ]; then
  RATE=$(awk '$1 == "throughput" && $3 == "gateway" { print $4 }' "$ROWS" | sort -n \
    | awk '{ a[NR] = $1 } END { m = NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%d", m / 2 }')
fi
echo "Latency phase at a fixed $RATE req/s..."
for round in $(seq 1 "$ROUNDS"); do
  for target in direct gateway; do measure latency "$target" "$round"; done
done

# Medians over the rounds, then ratios and the verdict.
REPORT=$(awk -v mode="$MODE" -v c="$CONNECTIONS" -v t="$THREADS" -v d="$DURATION" -v ld="$LATENCY_DURATION" \
  -v n="$ROUNDS" -v path="$REQUEST_PATH" -v rate="$RATE" -v w="$RATE_WORKERS" -v pin="${LOADGEN_CPUS:-none}" '
  function median(key, col,   a, i, j, k, x) {
    k = count[key]; for (i = 1; i <= k; i++) a[i] = v[key, i, col]
    for (i = 2; i <= k; i++) { x = a[i]; for (j = i - 1; j >= 1 && a[j] > x; j--) a[j + 1] = a[j]; a[j + 1] = x }
    return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2
  }
  { key = $1 SUBSEP $3; k = ++count[key]; for (col = 4; col <= 10; col++) v[key, k, col] = $col; bad += $7
    if (NR == 1 || $8 > maxload) maxload = $8; if (NR == 1 || $8 < minload) minload = $8
    rounds = rounds sprintf("| %s | %d | %s | %.0f | %.3f | %.3f | %d | %.2f | %d | %d |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10) }
  END {
    for (p = 1; p <= 2; p++) {
      ph = p == 1 ? "throughput" : "latency"
      for (s = 1; s <= 2; s++) {
        tg = s == 1 ? "direct" : "gateway"
        R[ph, tg] = median(ph SUBSEP tg, 4); P50[ph, tg] = median(ph SUBSEP tg, 5); P99[ph, tg] = median(ph SUBSEP tg, 6)
        GW[ph, tg] = median(ph SUBSEP tg, 9); SV[ph, tg] = median(ph SUBSEP tg, 10)
      }
    }
    ratio = 100 * R["throughput", "gateway"] / R["throughput", "direct"]
    add50 = P50["latency", "gateway"] - P50["latency", "direct"]; add99 = P99["latency", "gateway"] - P99["latency", "direct"]
    sat50 = P50["throughput", "gateway"] - P50["throughput", "direct"]; sat99 = P99["throughput", "gateway"] - P99["throughput", "direct"]
    okT = ratio >= 80; okL = add50 <= 1
    printf "GET %s (%s), %d rounds per phase alternating direct/gateway, medians of the rounds; load generator pinned to CPUs: %s; 1-min load average during the rounds %.2f–%.2f.\n\n", path, mode, n, pin, minload, maxload
    printf "Throughput (wrk, %d threads, %d connections, %s per round, saturated):\n\n", t, c, d
    printf "| | req/s | p50 (ms) | p99 (ms) | gateway CPU µs/req | service CPU µs/req |\n|---|---:|---:|---:|---:|---:|\n"
    printf "| direct | %.0f | %.3f | %.3f | %d | %d |\n", R["throughput", "direct"], P50["throughput", "direct"], P99["throughput", "direct"], GW["throughput", "direct"], SV["throughput", "direct"]
    printf "| gateway | %.0f | %.3f | %.3f | %d | %d |\n", R["throughput", "gateway"], P50["throughput", "gateway"], P99["throughput", "gateway"], GW["throughput", "gateway"], SV["throughput", "gateway"]
    printf "| gateway vs direct | %.1f%% | %+.3f | %+.3f | | |\n\n", ratio, sat50, sat99
    printf "Latency (hey, fixed %d req/s over %d workers, %s per round):\n\n", rate, w, ld
    printf "| | achieved req/s | p50 (ms) | p99 (ms) |\n|---|---:|---:|---:|\n"
    printf "| direct | %.0f | %.1f | %.1f |\n", R["latency", "direct"], P50["latency", "direct"], P99["latency", "direct"]
    printf "| gateway | %.0f | %.1f | %.1f |\n", R["latency", "gateway"], P50["latency", "gateway"], P99["latency", "gateway"]
    printf "| gateway adds | | %+.1f | %+.1f |\n\n", add50, add99
    printf "| goal | measured | verdict |\n|---|---:|---|\n"
    printf "| gateway keeps >= 80%% of direct throughput | %.1f%% | %s |\n", ratio, okT ? "PASS" : "FAIL"
    printf "| gateway adds <= 1 ms at p50 (fixed rate) | %+.1f ms | %s |\n", add50, okL ? "PASS" : "FAIL"
    if (bad) printf "| every response 200, no socket errors | %d failures | FAIL |\n", bad
    printf "\nOverall: %s\n\n", (okT && okL && !bad) ? "PASS" : "FAIL"
    printf "Rounds:\n\n| phase | round | target | req/s | p50 (ms) | p99 (ms) | failures | load1 | gateway CPU µs/req | service CPU µs/req |\n|---|---:|---|---:|---:|---:|---:|---:|---:|---:|\n%s", rounds
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
