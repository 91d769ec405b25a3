using Llo.Inventory.Domain.Projects;

namespace Llo.Inventory.Domain.BlindSpots;

/// <summary>A project as the matrix sees it: its focus lines and its values on the chosen dimension.</summary>
public sealed record CoveringProject(Guid Id, IReadOnlyList<FocusLine> FocusLines, IReadOnlyList<string> Values);

/// <summary>How many projects cover one focus line and value (as the database counts them, each project once).</summary>
public sealed record CoveredCell(FocusLine FocusLine, string Value, int ProjectCount);

/// <summary>An LLO-desk question that is still open (new or assigned), placed by its focus line and dimension value.</summary>
public sealed record OpenDeskQuestion(Guid Id, string Topic, FocusLine? FocusLine, string? Value, DateTimeOffset SubmittedAt);

public sealed record BlindSpotCell(FocusLine FocusLine, string Value, int ProjectCount, IReadOnlyList<OpenDeskQuestion> UnansweredQuestions)
{
    public bool IsEmpty => ProjectCount == 0;
}

/// <summary>
/// Focus line × dimension with the number of projects per cell. A project counts once in every cell its focus lines and
/// values span. A desk question counts as unanswered by any project when its cell is empty: that is where the region
/// has a question and nobody doing something about it. A cell lists at most <see cref="MaxQuestionsPerCell"/> of
/// them, the oldest first, so one popular question cannot make the matrix as long as the desk's inbox.
/// </summary>
public sealed record BlindSpotMatrix(
    BlindSpotDimension Dimension,
    IReadOnlyList<FocusLine> FocusLines,
    IReadOnlyList<string> Values,
    IReadOnlyList<BlindSpotCell> Cells,
    int ProjectCount,
    int OmittedValueCount)
{
    public const int MaxQuestionsPerCell = 20;

    /// <summary>
    /// How many values beyond the reference values become columns. Sector is free text, so without a cap every
    /// spelling a partner typed would widen the matrix (and its cells) without bound; the values used least are left
    /// out and counted in <see cref="OmittedValueCount"/>.
    /// </summary>
    public const int MaxOtherValues = 40;

    public IEnumerable<BlindSpotCell> EmptyCells => Cells.Where(c => c.IsEmpty);

    /// <summary>The matrix of individual projects (each counted once per cell it spans, whatever the spelling of its values).</summary>
    /// <param name="referenceValues">The dimension's known values, in the order they are shown.</param>
    public static BlindSpotMatrix Compute(
        BlindSpotDimension dimension,
        IEnumerable<string> referenceValues,
        IReadOnlyCollection<CoveringProject> projects,
        IEnumerable<OpenDeskQuestion> questions)
    {
        var covered = projects
            .SelectMany(p => p.FocusLines.Distinct().SelectMany(f =>
                p.Values.Select(v => v.Trim()).Where(v => v.Length > 0).DistinctBy(v => v.ToUpperInvariant()).Select(v => (f, v))))
            .GroupBy(c => (c.f, c.v.ToUpperInvariant()))
            .Select(g => new CoveredCell(g.Key.f, g.First().v, g.Count()))
            .ToList();
        return Compute(dimension, referenceValues, covered, projects.Count, questions);
    }

    /// <summary>The matrix of project counts aggregated per focus line and value (by the database).</summary>
    /// <param name="referenceValues">The dimension's known values, in the order they are shown.</param>
    public static BlindSpotMatrix Compute(
        BlindSpotDimension dimension,
        IEnumerable<string> referenceValues,
        IReadOnlyCollection<CoveredCell> covered,
        int projectCount,
        IEnumerable<OpenDeskQuestion> questions)
    {
        var openQuestions = questions.ToList();
        var (values, omitted) = Axis(referenceValues, covered, openQuestions);
        var canonical = values.ToDictionary(v => v, v => v, StringComparer.OrdinalIgnoreCase);
        var focusLines = Enum.GetValues<FocusLine>();

        var counts = new Dictionary<(FocusLine, string), int>();
        foreach (var cell in covered)
        {
            if (canonical.GetValueOrDefault(cell.Value.Trim()) is { } value)
            {
                counts[(cell.FocusLine, value)] = counts.GetValueOrDefault((cell.FocusLine, value)) + cell.ProjectCount;
            }
        }

        var questionsByCell = openQuestions
            .Where(q => q.FocusLine is not null && q.Value is not null && canonical.ContainsKey(q.Value.Trim()))
            .ToLookup(q => (q.FocusLine!.Value, canonical[q.Value!.Trim()]));
        var cells = new List<BlindSpotCell>();
        foreach (var focusLine in focusLines)
        {
            foreach (var value in values)
            {
                var count = counts.GetValueOrDefault((focusLine, value));
                var unanswered = count > 0
                    ? []
                    : questionsByCell[(focusLine, value)]
                        .OrderBy(q => q.SubmittedAt)
                        .ThenBy(q => q.Id)
                        .Take(MaxQuestionsPerCell)
                        .ToList();
                cells.Add(new BlindSpotCell(focusLine, value, count, unanswered));
            }
        }

        return new BlindSpotMatrix(dimension, focusLines, values, cells, projectCount, omitted);
    }

    /// <summary>
    /// Reference values first, then at most <see cref="MaxOtherValues"/> other values found (first spelling wins,
    /// compared without case): those with the most projects and open questions, shown sorted.
    /// </summary>
    private static (List<string> Values, int Omitted) Axis(
        IEnumerable<string> referenceValues, IEnumerable<CoveredCell> covered, IEnumerable<OpenDeskQuestion> questions)
    {
        var axis = new List<string>();
        var known = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in referenceValues.Select(v => v.Trim()).Where(v => v.Length > 0))
        {
            if (known.Add(value))
            {
                axis.Add(value);
            }
        }

        // Weight of each other value: its projects (per cell, as counted) plus its open questions.
        var found = covered.Select(c => (Value: c.Value.Trim(), Weight: c.ProjectCount))
            .Concat(questions.Where(q => q.Value is not null).Select(q => (Value: q.Value!.Trim(), Weight: 1)))
            .Where(f => f.Value.Length > 0 && !known.Contains(f.Value));
        // The key keeps the first spelling: the indexer does not replace the key of an existing entry.
        var weight = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (value, w) in found)
        {
            weight[value] = weight.GetValueOrDefault(value) + w;
        }

        var others = weight
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key, StringComparer.OrdinalIgnoreCase)
            .Take(MaxOtherValues)
            .Select(pair => pair.Key)
            .Order(StringComparer.OrdinalIgnoreCase);
        axis.AddRange(others);
        return (axis, Math.Max(0, weight.Count - MaxOtherValues));
    }
}
