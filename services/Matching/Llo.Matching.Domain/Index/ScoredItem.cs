namespace Llo.Matching.Domain.Index;

/// <summary>An item (job, task or worker, by its position in the index) with its score.</summary>
public readonly record struct ScoredItem(int Index, double Score);

/// <summary>
/// Keeps the best k of a stream of scores; ties go to the lower index, so results are deterministic whatever the order
/// of the offers. A binary heap with the worst kept item at the root, compared inline (score, then index): most offers
/// lose to the root and return after one comparison, and the few that enter cost a sift of log k steps.
/// </summary>
internal sealed class TopK(int k)
{
    private double[] scores = new double[Math.Clamp(k, 0, 64)];
    private int[] indexes = new int[Math.Clamp(k, 0, 64)];
    private int count;

    /// <summary>True when <paramref name="bound"/> cannot enter: k results held and the worst of them is better.</summary>
    public bool Excludes(double bound) => k > 0 && count >= k && bound < scores[0] - 1e-9;

    public void Offer(int index, double score)
    {
        if (count < k)
        {
            if (count == scores.Length)
            {
                Array.Resize(ref scores, Math.Min(k, count * 2));
                Array.Resize(ref indexes, scores.Length);
            }

            SiftUp(count++, index, score);
        }
        else if (k > 0 && Better(score, index, scores[0], indexes[0]))
        {
            SiftDown(index, score);
        }
    }

    /// <summary>Best first; equal scores by index.</summary>
    public List<ScoredItem> Result()
    {
        var result = new List<ScoredItem>(count);
        for (var i = 0; i < count; i++)
        {
            result.Add(new ScoredItem(indexes[i], scores[i]));
        }

        result.Sort((a, b) => Better(a.Score, a.Index, b.Score, b.Index) ? -1 : Better(b.Score, b.Index, a.Score, a.Index) ? 1 : 0);
        return result;
    }

    private static bool Better(double score, int index, double thanScore, int thanIndex) =>
        score > thanScore || (score == thanScore && index < thanIndex);

    private void SiftUp(int at, int index, double score)
    {
        // Up while the parent is better: the worse an item, the nearer the root.
        for (var parent = (at - 1) >> 1; at > 0 && Better(scores[parent], indexes[parent], score, index); parent = (at - 1) >> 1)
        {
            Move(parent, at);
            at = parent;
        }

        Put(at, index, score);
    }

    /// <summary>Replaces the root (the worst kept) with a better item.</summary>
    private void SiftDown(int index, double score)
    {
        var at = 0;
        for (var child = 1; child < count; child = 2 * at + 1)
        {
            // The worse of the two children moves up, while the new item is better than it.
            if (child + 1 < count && Better(scores[child], indexes[child], scores[child + 1], indexes[child + 1]))
            {
                child++;
            }

            if (!Better(score, index, scores[child], indexes[child]))
            {
                break;
            }

            Move(child, at);
            at = child;
        }

        Put(at, index, score);
    }

    private void Move(int from, int to)
    {
        scores[to] = scores[from];
        indexes[to] = indexes[from];
    }

    private void Put(int at, int index, double score)
    {
        scores[at] = score;
        indexes[at] = index;
    }
}
