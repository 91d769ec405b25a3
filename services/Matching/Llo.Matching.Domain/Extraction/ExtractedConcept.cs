namespace Llo.Matching.Domain.Extraction;

public enum ConceptKind
{
    Skill,
    Occupation,
}

/// <summary>
/// A proposal for a coach or employer to confirm: the concept, the phrase of the text it was read from (start and
/// length in the original text, in UTF-16 code units), the label that matched and a confidence in [0, 1].
/// </summary>
public sealed record ExtractedConcept(
    ConceptKind Kind,
    int ConceptId,
    string Uri,
    string Label,
    string MatchedPhrase,
    int Start,
    int Length,
    string MatchedLabel,
    double Confidence);
