#!/usr/bin/env bash
# The overlap check on 10,000 projects (issue 7): p50/p95 of the in-memory index next to the candidate query used
# before, with a private PostgreSQL (BENCH_PG_PORT, 58532) and RabbitMQ (BENCH_RABBITMQ_PORT, 58772).
# Writes bench/results/overlap.md. The machine's load average is in the report: read the numbers with it.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
mkdir -p bench/results
LLO_BENCH=1 LLO_BENCH_OUT="$ROOT/bench/results/overlap.md" \
  LLO_TEST_PG_PORT=${BENCH_PG_PORT:-58532} LLO_TEST_RABBITMQ_PORT=${BENCH_RABBITMQ_PORT:-58772} \
  LLO_TEST_TARGET=tests/Llo.Inventory.Tests/Llo.Inventory.Tests.csproj \
  ./llo test --filter "FullyQualifiedName~OverlapBenchmark"
cat bench/results/overlap.md
