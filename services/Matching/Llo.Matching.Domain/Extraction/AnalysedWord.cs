namespace Llo.Matching.Domain.Extraction;

/// <summary>
/// A word of the analysed text: its Dutch and English stems (the text's language is not trusted: Dutch vacancies name
/// English tools) and, for a compound, the Dutch stems of its parts. Function words have no keys.
/// </summary>
internal sealed record AnalysedWord(int Start, int Length, string Folded, string[] Keys, string[] Parts, bool IsStopWord, int Sentence);
