#!/usr/bin/env bash
# Messaging throughput on this machine, one command: builds Release, starts a private PostgreSQL and RabbitMQ,
# measures a plain publish-with-confirms loop (the ceiling) and then events end to end through the real block
# (outbox insert in a transaction -> relay -> broker -> consumer with inbox), with p50/p99 commit-to-handled
# latency, and writes the table to bench/results/messaging.md. Stops what it started on exit.
#
#   bench/messaging/run.sh                   saturation: 8 writers as fast as they can
#   BENCH_RATE=1000 bench/messaging/run.sh   a fixed offered rate, for latency
#
# Knobs (environment): BENCH_EVENTS (20000), BENCH_WRITERS (8), BENCH_RATE (0 = unlimited), BENCH_PAYLOAD_BYTES
# (200), BENCH_RELAY_POLL_MS (250, the block's default), BENCH_RELAY_BATCH (100), BENCH_PREFETCH (16),
# BENCH_PG_PORT (60432), BENCH_RABBITMQ_PORT (60672).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
# shellcheck source=../../eng/servers.sh
. "$ROOT/eng/servers.sh"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

PG_PORT=${BENCH_PG_PORT:-60432}
RABBIT_PORT=${BENCH_RABBITMQ_PORT:-60672}
RABBIT_NODE=llo-bench-$RABBIT_PORT@localhost
STATE=$(llo_state_dir "$ROOT/.llo/bench-messaging")
RESULTS=$ROOT/bench/results
mkdir -p "$RESULTS"

cleanup() {
  rabbit_stop "$STATE/rabbitmq" "$RABBIT_NODE"
  pg_stop "$STATE/postgres"
}
cleanup
rm -rf "$STATE/postgres" "$STATE/rabbitmq"
trap cleanup EXIT

echo "Building..."
dotnet build bench/messaging/Llo.Bench.Messaging/Llo.Bench.Messaging.csproj -c Release -nologo -v q -clp:ErrorsOnly
echo "Starting PostgreSQL ($PG_PORT) and RabbitMQ ($RABBIT_PORT)..."
pg_start "$STATE/postgres" "$PG_PORT"
rabbit_start "$STATE/rabbitmq" "$RABBIT_NODE" "$RABBIT_PORT"

bench/messaging/Llo.Bench.Messaging/bin/Release/net10.0/Llo.Bench.Messaging \
  "$(pg_connection "$STATE/postgres" "$PG_PORT");Maximum Pool Size=50" \
  "$(rabbit_uri "$STATE/rabbitmq" "$RABBIT_PORT")" | tee "$RESULTS/messaging.md"
echo "Load average: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$RESULTS/messaging.md"
