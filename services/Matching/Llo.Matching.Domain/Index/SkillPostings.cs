namespace Llo.Matching.Domain.Index;

/// <summary>
/// For each skill, the items (jobs, tasks or workers, by position) that have it, with a value per entry. One small
/// array per skill, so a write touches only the skills of the item it changes: <see cref="Fork"/> shares every array
/// with the original and an edit copies just the skill it changes (copy on write), which keeps the original intact
/// for the queries still reading it.
/// </summary>
internal sealed class SkillPostings
{
    private readonly int[][] items;
    private readonly float[][] values;
    private bool[]? owned;

    private SkillPostings(int[][] items, float[][] values, bool[]? owned, long entries)
    {
        this.items = items;
        this.values = values;
        this.owned = owned;
        Entries = entries;
    }

    public long Entries { get; private set; }

    public int SkillCount => items.Length;

    public ReadOnlySpan<int> Items(int skill) => items[skill];

    public ReadOnlySpan<float> Values(int skill) => values[skill];

    /// <summary>Builds from the (skill, value) pairs of each item in two passes (count, then fill).</summary>
    public static SkillPostings Build(int skillCount, int itemCount, Func<int, IEnumerable<(int Skill, float Value)>> skillsOf)
    {
        var counts = new int[skillCount];
        for (var item = 0; item < itemCount; item++)
        {
            foreach (var (skill, _) in skillsOf(item))
            {
                counts[skill]++;
            }
        }

        var items = new int[skillCount][];
        var values = new float[skillCount][];
        long entries = 0;
        for (var s = 0; s < skillCount; s++)
        {
            items[s] = counts[s] == 0 ? [] : new int[counts[s]];
            values[s] = counts[s] == 0 ? [] : new float[counts[s]];
            entries += counts[s];
            counts[s] = 0;
        }

        for (var item = 0; item < itemCount; item++)
        {
            foreach (var (skill, value) in skillsOf(item))
            {
                var at = counts[skill]++;
                items[skill][at] = item;
                values[skill][at] = value;
            }
        }

        return new SkillPostings(items, values, null, entries);
    }

    /// <summary>A copy to edit: it shares every skill's arrays until an edit replaces one.</summary>
    public SkillPostings Fork() => new((int[][])items.Clone(), (float[][])values.Clone(), null, Entries);

    public void Add(int skill, int item, float value)
    {
        var old = items[skill];
        var grown = new int[old.Length + 1];
        var grownValues = new float[old.Length + 1];
        old.CopyTo(grown, 0);
        values[skill].CopyTo(grownValues, 0);
        grown[^1] = item;
        grownValues[^1] = value;
        Replace(skill, grown, grownValues);
        Entries++;
    }

    /// <summary>Removes every entry of <paramref name="item"/> under <paramref name="skill"/>.</summary>
    public void Remove(int skill, int item)
    {
        var old = items[skill];
        var keep = 0;
        foreach (var i in old)
        {
            keep += i == item ? 0 : 1;
        }

        if (keep == old.Length)
        {
            return;
        }

        var oldValues = values[skill];
        var kept = new int[keep];
        var keptValues = new float[keep];
        for (int i = 0, k = 0; i < old.Length; i++)
        {
            if (old[i] != item)
            {
                kept[k] = old[i];
                keptValues[k++] = oldValues[i];
            }
        }

        Replace(skill, kept, keptValues);
        Entries -= old.Length - keep;
    }

    /// <summary>Renames the entries of item <paramref name="from"/> under <paramref name="skill"/> to <paramref name="to"/> (an item that moved).</summary>
    public void Rename(int skill, int from, int to)
    {
        if (owned?[skill] != true)
        {
            Replace(skill, (int[])items[skill].Clone(), (float[])values[skill].Clone());
        }

        var list = items[skill];
        for (var i = 0; i < list.Length; i++)
        {
            if (list[i] == from)
            {
                list[i] = to;
            }
        }
    }

    private void Replace(int skill, int[] newItems, float[] newValues)
    {
        items[skill] = newItems;
        values[skill] = newValues;
        (owned ??= new bool[items.Length])[skill] = true;
    }
}
