using Llo.Inventory.Domain.Projects;

namespace Llo.Inventory.Domain.Overlaps;

/// <summary>
/// What the overlap check compares of one project (a draft or an existing one).
/// <paramref name="Terms"/> are the stemmed terms of title and summary (PostgreSQL's <c>dutch</c> lexemes),
/// mapped to a word as the person wrote it so reasons read naturally ("ondernem" → "ondernemers").
/// </summary>
public sealed record OverlapProfile(
    IReadOnlyDictionary<string, string> Terms,
    IReadOnlyList<FocusLine> FocusLines,
    IReadOnlyList<string> Sectors,
    string? Campus,
    IReadOnlyList<string> Partners,
    DateOnly? StartDate,
    DateOnly? EndDate);

/// <summary>A scored existing project: 0 (nothing in common) .. 1 (a twin), with Dutch reasons.</summary>
public sealed record OverlapScore(double Score, IReadOnlyList<string> Reasons);
