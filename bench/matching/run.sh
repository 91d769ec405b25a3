#!/usr/bin/env bash
# The matching engine's benchmark (issue 9 §8): full ESCO, a synthetic region of 100,000 workers, 20,000 jobs and
# 200,000 tasks, the in-memory index against a Lucene.Net boolean skill query. No servers needed.
# Knobs: BENCH_WORKERS, BENCH_JOBS, BENCH_TASKS_PER_JOB, BENCH_QUERIES, BENCH_PARALLELISM, LLO_ESCO_DIR.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build bench/matching/Llo.Bench.Matching/Llo.Bench.Matching.csproj -c Release -v q -nologo >/dev/null
exec dotnet bench/matching/Llo.Bench.Matching/bin/Release/net10.0/Llo.Bench.Matching.dll
