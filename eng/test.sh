#!/usr/bin/env bash
# ./llo test: build, start a private PostgreSQL and RabbitMQ for the tests, run every test,
# stop the servers, and end with "tests: N passed, N failed, N skipped".
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
. "$ROOT/eng/servers.sh"
. "$ROOT/eng/prereqs.sh"

PG_PORT=${LLO_TEST_PG_PORT:-55432}
RABBIT_PORT=${LLO_TEST_RABBITMQ_PORT:-55672}
RABBIT_NODE=llo-test-$RABBIT_PORT@localhost
# A single project (or solution) to build and test instead of all of them, for quick local runs.
TARGET=${LLO_TEST_TARGET:-Llo.sln}

llo_ensure_prereqs || { echo "tests: 0 passed, 1 failed, 0 skipped"; exit 1; }

STATE=$(llo_state_dir "$ROOT/.llo/test-$PG_PORT") || { echo "tests: 0 passed, 1 failed, 0 skipped"; exit 1; }
stop_servers() {
  rabbit_stop "$STATE/rabbitmq" "$RABBIT_NODE"
  pg_stop "$STATE/postgres"
}
# Leftovers of an interrupted run are stopped and wiped: every run starts from empty servers.
stop_servers
rm -rf "$STATE/postgres" "$STATE/rabbitmq"
trap stop_servers EXIT

echo "Building..."
if ! dotnet build "$TARGET" -c Release -nologo -v q; then
  echo "Build failed."
  echo "tests: 0 passed, 1 failed, 0 skipped"
  exit 1
fi

echo "Starting PostgreSQL (port $PG_PORT) and RabbitMQ (port $RABBIT_PORT) for the tests..."
pg_start "$STATE/postgres" "$PG_PORT" || { echo "tests: 0 passed, 1 failed, 0 skipped"; exit 1; }
rabbit_start "$STATE/rabbitmq" "$RABBIT_NODE" "$RABBIT_PORT" || { echo "tests: 0 passed, 1 failed, 0 skipped"; exit 1; }

LLO_TEST_POSTGRES=$(pg_connection "$STATE/postgres" "$PG_PORT") &&
  LLO_TEST_RABBITMQ=$(rabbit_uri "$STATE/rabbitmq" "$RABBIT_PORT") || { echo "tests: 0 passed, 1 failed, 0 skipped"; exit 1; }
export LLO_TEST_POSTGRES LLO_TEST_RABBITMQ
export LLO_TEST_RABBITMQ_NODE="$RABBIT_NODE"
export LLO_TEST_RABBITMQ_DIR="$STATE/rabbitmq"
export LLO_TEST_POSTGRES_DIR="$STATE/postgres"
# rabbitmqctl run by a test finds the node through its own epmd, and listens on loopback only, like the node.
export ERL_EPMD_PORT=$(cat "$STATE/rabbitmq/epmd.port") RABBITMQ_CTL_ERL_ARGS="$RABBIT_LOOPBACK_DIST"
export LLO_ROOT="$ROOT"

LOG="$STATE/test-output.log"
dotnet test "$TARGET" -c Release --no-build -nologo "$@" 2>&1 | tee "$LOG"
status=${PIPESTATUS[0]}

# Each test assembly prints "Passed!  - Failed: F, Passed: P, Skipped: S, Total: T, ..." (or "Failed!").
read -r passed failed skipped < <(grep -aoE '(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$LOG" |
  awk -F'[:,]' '{f+=$2; p+=$4; s+=$6} END {printf "%d %d %d\n", p, f, s}')
if [ "$status" != 0 ] && [ "$failed" = 0 ]; then failed=1; fi
echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$status" = 0 ] && [ "$failed" = 0 ]
