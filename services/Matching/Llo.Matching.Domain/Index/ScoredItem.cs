namespace Llo.Matching.Domain.Index;

/// <summary>An item (job, task or worker, by its position in the index) with its score.</summary>
public readonly record struct ScoredItem(int Index, double Score);

/// <summary>
/// Keeps the best k of a stream of scores; ties go to the lower index, so results are deterministic. The worst kept
/// score is cached: most offers lose to it and return after one comparison.
/// </summary>
internal sealed class TopK(int k)
{
    private readonly PriorityQueue<int, (double Score, int NegIndex)> queue = new(Math.Max(0, k) + 1);
    private (double Score, int NegIndex) worst = (double.NegativeInfinity, int.MinValue);

    /// <summary>True when <paramref name="bound"/> cannot enter: k results held and the worst of them is better.</summary>
    public bool Excludes(double bound) => queue.Count >= k && bound < worst.Score - 1e-9;

    public void Offer(int index, double score)
    {
        if (k <= 0)
        {
            return;
        }

        if (queue.Count < k)
        {
            queue.Enqueue(index, (score, -index));
            if (queue.Count == k)
            {
                queue.TryPeek(out _, out worst);
            }

            return;
        }

        if (score > worst.Score || (score == worst.Score && -index > worst.NegIndex))
        {
            queue.DequeueEnqueue(index, (score, -index));
            queue.TryPeek(out _, out worst);
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
