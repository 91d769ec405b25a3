using Llo.Matching.Domain.Text;

namespace Llo.Matching.Domain.Extraction;

/// <summary>One label of a concept as the extractor looks for it: its content words as stems, compounds also as parts.</summary>
internal sealed record LabelPattern(ConceptKind Kind, int ConceptId, string Label, bool Preferred, Language Language, PatternWord[] Words, string Signature);

/// <summary>A label word: its stem, and for a Dutch compound the stems of its parts, so "voorschriften voor veiligheid" can match it.</summary>
internal sealed record PatternWord(string Stem, string[]? Parts);
