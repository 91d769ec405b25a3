namespace Llo.Inventory.Domain.Overlaps;

/// <summary>
/// One occurrence of a term in a project's text: the <paramref name="Word"/> as the person wrote it (for reasons)
/// and how strongly it speaks for the text (title and summary 1, description or a compound's part less).
/// Concept terms (<see cref="OverlapTextAnalyser.ConceptPrefix"/>) carry the phrase that named the concept.
/// <paramref name="DescriptionOnly"/>: the term occurs only in the long description, which may add evidence but does
/// not make a text "longer" (else a well-described project would look less like every short draft).
/// </summary>
public sealed record TermHit(string Word, double Weight, bool DescriptionOnly = false);

/// <summary>The terms of a project's title, summary and description, keyed by stem or concept.</summary>
public sealed record AnalysedText(IReadOnlyDictionary<string, TermHit> Terms)
{
    public static AnalysedText Empty { get; } = new(new Dictionary<string, TermHit>());

    public bool IsEmpty => Terms.Count == 0;
}
