// Frozen copy of the engine as of main 185c59e (before the match-speed work), the baseline the benchmark runs next to
// the current engine, as bench/overlap keeps BaselineOverlapIndex. Do not improve it: its point is to stay the old one.
namespace Llo.Bench.Matching.Baseline;

/// <summary>
/// For each skill, the items (jobs, tasks or workers) that have it, in one flat array with offsets (compressed
/// rows): two arrays instead of millions of small lists, cheap to scan and small in memory.
/// </summary>
internal sealed class BaselinePostings
{
    private readonly int[] offsets;
    private readonly int[] items;
    private readonly float[] values;

    private BaselinePostings(int[] offsets, int[] items, float[] values)
    {
        this.offsets = offsets;
        this.items = items;
        this.values = values;
    }

    public long Entries => items.Length;

    public ReadOnlySpan<int> Items(int skill) => items.AsSpan(offsets[skill], offsets[skill + 1] - offsets[skill]);

    public ReadOnlySpan<float> Values(int skill) => values.AsSpan(offsets[skill], offsets[skill + 1] - offsets[skill]);

    /// <summary>Builds from (item, skill, value) triples given per item in two passes (count, then fill).</summary>
    public static BaselinePostings Build(int skillCount, int itemCount, Func<int, IEnumerable<(int Skill, float Value)>> skillsOf)
    {
        var offsets = new int[skillCount + 1];
        for (var item = 0; item < itemCount; item++)
        {
            foreach (var (skill, _) in skillsOf(item))
            {
                offsets[skill + 1]++;
            }
        }

        for (var s = 0; s < skillCount; s++)
        {
            offsets[s + 1] += offsets[s];
        }

        var items = new int[offsets[skillCount]];
        var values = new float[items.Length];
        var next = offsets[..skillCount];
        for (var item = 0; item < itemCount; item++)
        {
            foreach (var (skill, value) in skillsOf(item))
            {
                var at = next[skill]++;
                items[at] = item;
                values[at] = value;
            }
        }

        return new BaselinePostings(offsets, items, values);
    }
}
