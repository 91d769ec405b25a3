#!/usr/bin/env bash
# The finance realisation planner on a five-year budget with 500 lines and 10 scenarios (issue 10): builds Release,
# plans the same synthetic input BENCH_RUNS times (500) after BENCH_WARMUP_SECONDS (5) of warm-up, and reports p50/p99/max with the
# load average to bench/results/finance.md. No servers: the planner is a plain library. Exit 1 when p99 > 100 ms.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p bench/results
echo "Building..."
dotnet build bench/finance/Llo.Bench.Finance/Llo.Bench.Finance.csproj -c Release -nologo -v q -clp:ErrorsOnly
bench/finance/Llo.Bench.Finance/bin/Release/net10.0/Llo.Bench.Finance "$ROOT/bench/results/finance.md"
