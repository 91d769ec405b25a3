namespace Llo.Matching.Domain.Text;

/// <summary>Levenshtein distances with an upper bound, for typo-tolerant search.</summary>
public static class EditDistance
{
    /// <summary>
    /// The fewest edits that turn <paramref name="query"/> into some prefix of <paramref name="word"/> (an unfinished
    /// word while typing), or more than <paramref name="max"/> when it is further than that.
    /// </summary>
    public static int PrefixDistance(string query, string word, int max)
    {
        var columns = Math.Min(word.Length, query.Length + max);
        Span<int> previous = stackalloc int[columns + 1];
        Span<int> current = stackalloc int[columns + 1];
        for (var j = 0; j <= columns; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= query.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= columns; j++)
            {
                var cost = query[i - 1] == word[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin > max)
            {
                return max + 1;
            }

            current.CopyTo(previous);
        }

        var best = int.MaxValue;
        for (var j = 0; j <= columns; j++)
        {
            best = Math.Min(best, previous[j]);
        }

        return best;
    }
}
