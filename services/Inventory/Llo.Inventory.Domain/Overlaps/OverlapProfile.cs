using Llo.Inventory.Domain.Projects;

namespace Llo.Inventory.Domain.Overlaps;

/// <summary>
/// What the overlap check compares of one project (a draft or an existing one): the analysed title, summary and
/// description (<see cref="OverlapTextAnalyser"/>) and the structured fields. An empty list or null means "not filled in".
/// </summary>
public sealed record OverlapProfile(
    AnalysedText Text,
    IReadOnlyList<FocusLine> FocusLines,
    IReadOnlyList<string> Sectors,
    string? Campus,
    IReadOnlyList<string> Partners,
    DateOnly? StartDate,
    DateOnly? EndDate);

/// <summary>A scored existing project: 0 (nothing in common) .. 1 (a twin), with Dutch reasons.</summary>
public sealed record OverlapScore(double Score, IReadOnlyList<string> Reasons);
