// Frozen copy of the engine as of main 185c59e (before the match-speed work), the baseline the benchmark runs next to
// the current engine, as bench/overlap keeps BaselineOverlapIndex. Do not improve it: its point is to stay the old one.
using Llo.Matching.Domain.Index;

namespace Llo.Bench.Matching.Baseline;

/// <summary>Keeps the best k of a stream of scores; ties go to the lower index, so results are deterministic.</summary>
internal sealed class BaselineTopK(int k)
{
    private readonly PriorityQueue<int, (double Score, int NegIndex)> queue = new(k + 1);

    /// <summary>True when <paramref name="bound"/> cannot enter: k results held and the worst of them is better.</summary>
    public bool Excludes(double bound)
    {
        if (queue.Count < k || k <= 0)
        {
            return false;
        }

        queue.TryPeek(out _, out var worst);
        return bound < worst.Score - 1e-9;
    }

    public void Offer(int index, double score)
    {
        if (k <= 0)
        {
            return;
        }

        if (queue.Count < k)
        {
            queue.Enqueue(index, (score, -index));
            return;
        }

        queue.TryPeek(out _, out var worst);
        if (score > worst.Score || (score == worst.Score && -index > worst.NegIndex))
        {
            queue.DequeueEnqueue(index, (score, -index));
        }
    }

    public List<ScoredItem> Result()
    {
        var result = new List<ScoredItem>(queue.Count);
        while (queue.TryDequeue(out var index, out var priority))
        {
            result.Add(new ScoredItem(index, priority.Score));
        }

        result.Reverse();
        return result;
    }
}
