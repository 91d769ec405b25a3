#!/usr/bin/env bash
# The overlap evaluation (issue 7) with and without ESCO: recall/precision at the report threshold and the rank of
# the true twin, tune and held-out parts separately. Writes bench/results/overlap-eval{,-no-esco}.md.
# Private servers on BENCH_PG_PORT (58532) and BENCH_RABBITMQ_PORT (58772).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
mkdir -p bench/results
run() {
  env "$@" LLO_TEST_PG_PORT=${BENCH_PG_PORT:-58532} LLO_TEST_RABBITMQ_PORT=${BENCH_RABBITMQ_PORT:-58772} \
    LLO_TEST_TARGET=tests/Llo.Inventory.Tests/Llo.Inventory.Tests.csproj \
    ./llo test --filter "FullyQualifiedName~OverlapEvaluationTests" | tail -1
}
run LLO_OVERLAP_EVAL_OUT="$ROOT/bench/results/overlap-eval.md"
run LLO_ESCO_DIR=/nonexistent LLO_OVERLAP_EVAL_OUT="$ROOT/bench/results/overlap-eval-no-esco.md"
for f in overlap-eval overlap-eval-no-esco; do echo "== $f"; sed -n 1,4p "bench/results/$f.md"; done
