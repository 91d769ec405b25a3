namespace Llo.Inventory.Tests.Overlaps.Benchmark;

/// <summary>A benchmark: skipped unless LLO_BENCH=1 (bench/overlap/run.sh sets it), so the test run stays short.</summary>
public sealed class BenchFactAttribute : FactAttribute
{
    public BenchFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("LLO_BENCH") != "1")
        {
            Skip = "Benchmark: run bench/overlap/run.sh";
        }
    }
}
