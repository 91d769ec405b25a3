#!/usr/bin/env bash
# Messaging throughput on this machine, one command: builds Release, starts a private PostgreSQL and RabbitMQ,
# measures a plain publish-with-confirms loop (the ceiling) and then events end to end through the real block
# (outbox insert in a transaction -> relay -> broker -> consumer with inbox), with p50/p99 commit-to-handled
# latency, and writes the table to bench/results/messaging.md. Stops what it started on exit.
#
#   bench/messaging/run.sh                   saturation: 8 writers as fast as they can
#   BENCH_RATE=1000 bench/messaging/run.sh   a fixed offered rate, for latency
#   BENCH_BASELINE=main bench/messaging/run.sh
#                                            side by side with the messaging block of a git ref (this benchmark's
#                                            program built against that ref's services/Llo.Messaging), taking turns
#                                            BENCH_ROUNDS times (2) on the same servers, so both see the same load
#
# Knobs (environment): BENCH_EVENTS (20000), BENCH_WRITERS (8), BENCH_WRITER_BATCH (1 event per transaction),
# BENCH_RATE (0 = unlimited), BENCH_PAYLOAD_BYTES (200), BENCH_RELAY_POLL_MS (250, the block's default),
# BENCH_RELAY_BATCH (100, also the confirms in flight of the pipelined ceiling), BENCH_PREFETCH (0 = the block's, 50),
# BENCH_CEILING_MESSAGES (5000), BENCH_WRITER_EVENTS (5000) and BENCH_WRITER_CEILING_BATCHES ("1 10": the writers
# alone, before the relay starts, at each of these events per transaction), BENCH_PG_PORT (60432),
# BENCH_RABBITMQ_PORT (60672), BENCH_BASELINE (a git ref; none), BENCH_ROUNDS (2).
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

BASELINE=${BENCH_BASELINE:-}
ROUNDS=${BENCH_ROUNDS:-2}
BIN=bin/Release/net10.0/Llo.Bench.Messaging
echo "Building..."
dotnet build bench/messaging/Llo.Bench.Messaging/Llo.Bench.Messaging.csproj -c Release -nologo -v q -clp:ErrorsOnly
if [ -n "$BASELINE" ]; then
  # The baseline: the ref's tree with this benchmark's program in it, so only the messaging block differs.
  # Kept between runs while the ref names the same commit, so a second run builds incrementally.
  BASE_TREE=$STATE/baseline
  BASE_COMMIT=$(git -C "$ROOT" rev-parse "$BASELINE^{commit}")
  if [ "$(cat "$BASE_TREE/.commit" 2>/dev/null)" != "$BASE_COMMIT" ]; then
    rm -rf "$BASE_TREE"
    mkdir -p "$BASE_TREE"
    git -C "$ROOT" archive --format=tar "$BASE_COMMIT" | tar -x -C "$BASE_TREE"
    echo "$BASE_COMMIT" >"$BASE_TREE/.commit"
  fi
  find "$BASE_TREE/bench/messaging/Llo.Bench.Messaging" -maxdepth 1 -name '*.cs' -delete 2>/dev/null || true
  mkdir -p "$BASE_TREE/bench/messaging/Llo.Bench.Messaging"
  cp "$ROOT"/bench/messaging/Llo.Bench.Messaging/*.cs "$ROOT"/bench/messaging/Llo.Bench.Messaging/*.csproj \
    "$BASE_TREE/bench/messaging/Llo.Bench.Messaging/"
  echo "Building the baseline ($BASELINE: ${BASE_COMMIT:0:7})..."
  dotnet build "$BASE_TREE/bench/messaging/Llo.Bench.Messaging/Llo.Bench.Messaging.csproj" -c Release -nologo -v q -clp:ErrorsOnly
fi
echo "Starting PostgreSQL ($PG_PORT) and RabbitMQ ($RABBIT_PORT)..."
pg_start "$STATE/postgres" "$PG_PORT"
rabbit_start "$STATE/rabbitmq" "$RABBIT_NODE" "$RABBIT_PORT"
PG="$(pg_connection "$STATE/postgres" "$PG_PORT");Maximum Pool Size=50"
AMQP=$(rabbit_uri "$STATE/rabbitmq" "$RABBIT_PORT")
# For the CPU time each server spends during a run: the postmaster (its backends are its children) and the broker's VM.
BENCH_PG_PID=$(head -1 "$STATE/postgres/data/postmaster.pid")
BENCH_RABBITMQ_PID=$(cat "$STATE/rabbitmq/rabbitmq.pid" 2>/dev/null || true)
export BENCH_PG_PID BENCH_RABBITMQ_PID

: >"$RESULTS/messaging.md"
run() { # run LABEL PROGRAM
  echo "## $1" | tee -a "$RESULTS/messaging.md"
  "$2" "$PG" "$AMQP" "$1" | tee -a "$RESULTS/messaging.md"
  echo "Load average: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$RESULTS/messaging.md"
}
if [ -z "$BASELINE" ]; then
  run this "bench/messaging/Llo.Bench.Messaging/$BIN"
else
  for round in $(seq "$ROUNDS"); do
    run "baseline-$round" "$BASE_TREE/bench/messaging/Llo.Bench.Messaging/$BIN"
    run "this-$round" "bench/messaging/Llo.Bench.Messaging/$BIN"
  done
fi
{
  echo
  echo "| run | end to end events/s | p50 ms | p99 ms | relay p50/p99 ms | consumer p50/p99 ms | writers while relaying events/s | writers alone (per tx: events/s) | ceiling msg/s (one at a time) | ceiling msg/s (pipelined) | CPU ms/event PG/RabbitMQ/app | load1 at the end |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
  grep '^RESULT ' "$RESULTS/messaging.md" |
    awk '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $2, $3, $4, $5, $10, $11, $12, $9, $6, $8, $13, $7 }'
} | tee -a "$RESULTS/messaging.md"
