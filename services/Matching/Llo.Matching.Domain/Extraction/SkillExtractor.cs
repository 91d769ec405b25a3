using System.Text.RegularExpressions;
using Llo.Matching.Domain.Taxonomy;
using Llo.Matching.Domain.Text;

namespace Llo.Matching.Domain.Extraction;

/// <summary>
/// Proposes ESCO skills and occupations found in a Dutch or English vacancy or CV text. Every preferred and
/// alternative label (Dutch and English, and the UWV occupation names) becomes a pattern of stemmed content words;
/// a pattern matches when all its words occur close together in the text, in any order, a Dutch compound matching
/// its parts and the other way round. Each pattern is indexed under its rarest word only, so a text is checked
/// against the few patterns that can match. Thread-safe once built.
/// </summary>
public sealed partial class SkillExtractor
{
    // Tuned on the tune part of the ESCO evaluation set (precision 0.85, recall 0.94 there); see ExtractionTests.
    public const double DefaultThreshold = 0.8;
    private const int MaxPatternWords = 8;

    private readonly SkillTaxonomy taxonomy;
    private readonly Decompounder decompounder;
    private readonly List<LabelPattern> patterns = [];
    private readonly Dictionary<string, List<int>> anchors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> documentFrequency = new(StringComparer.Ordinal);
    private readonly Dictionary<(ConceptKind, string), (ConceptKind, int)> signatureOwner = [];
    private readonly HashSet<string> ambiguous = new(StringComparer.Ordinal);

    public SkillExtractor(SkillTaxonomy taxonomy, Decompounder decompounder)
    {
        this.taxonomy = taxonomy;
        this.decompounder = decompounder;
        foreach (var s in taxonomy.Skills)
        {
            AddLabels(ConceptKind.Skill, s.Id, s.LabelNl, s.LabelEn, s.AltLabelsNl, s.AltLabelsEn, []);
        }

        foreach (var o in taxonomy.Occupations)
        {
            AddLabels(ConceptKind.Occupation, o.Id, o.LabelNl, o.LabelEn, o.AltLabelsNl, o.AltLabelsEn, o.UwvLabels);
        }

        for (var i = 0; i < patterns.Count; i++)
        {
            var words = patterns[i].Words;
            var rarest = words.MinBy(w => documentFrequency[w.Stem])!;
            Anchor(rarest.Stem, i);
            if (rarest.Parts is { } parts)
            {
                Anchor(parts.MinBy(p => documentFrequency.GetValueOrDefault(p))!, i);
            }
        }
    }

    public int PatternCount => patterns.Count;

    /// <summary>Proposals at or above <paramref name="threshold"/>, one per concept (its best phrase), in text order.</summary>
    public IReadOnlyList<ExtractedConcept> Extract(string text, double threshold = DefaultThreshold)
    {
        var words = Analyse(text ?? "");
        var language = DetectLanguage(words);
        var best = new Dictionary<(ConceptKind, int), Candidate>();
        var tried = new HashSet<(int, int)>();
        for (var i = 0; i < words.Length; i++)
        {
            if (words[i].IsStopWord)
            {
                continue;
            }

            foreach (var key in words[i].Keys.Concat(words[i].Parts))
            {
                if (!anchors.TryGetValue(key, out var list))
                {
                    continue;
                }

                foreach (var p in list)
                {
                    if (!tried.Add((p, i)) || Verify(patterns[p], words, i, language) is not { } candidate)
                    {
                        continue;
                    }

                    var conceptKey = (patterns[p].Kind, patterns[p].ConceptId);
                    if (!best.TryGetValue(conceptKey, out var existing) || existing.Confidence < candidate.Confidence)
                    {
                        best[conceptKey] = candidate;
                    }
                }
            }
        }

        var kept = DropSubsumed(best.Values.Where(c => c.Confidence >= threshold).ToList());
        return kept
            .OrderBy(c => words[c.First].Start)
            .ThenByDescending(c => c.Confidence)
            .Select(c => ToConcept(c, text!, words))
            .ToList();
    }

    private Candidate? Verify(LabelPattern pattern, AnalysedWord[] words, int anchor, Language textLanguage)
    {
        var n = pattern.Words.Length;
        var radius = 2 * n + 1;
        var lo = Math.Max(0, anchor - radius);
        var hi = Math.Min(words.Length - 1, anchor + radius);
        // A label never spans two sentences or lines ("Tester\nICT-beheer" is no "tester ICT").
        while (words[lo].Sentence != words[anchor].Sentence)
        {
            lo++;
        }

        while (words[hi].Sentence != words[anchor].Sentence)
        {
            hi--;
        }

        int first = int.MaxValue, last = -1, previous = -1;
        var inOrder = true;
        var viaParts = false;
        Span<int> used = stackalloc int[MaxPatternWords * 4];
        var usedCount = 0;
        foreach (var word in pattern.Words)
        {
            var at = Nearest(words, lo, hi, anchor, w => w.Keys.Contains(word.Stem));
            if (at < 0)
            {
                // The label word is part of a text compound ("heftruck" in "heftruckchauffeur").
                at = Nearest(words, lo, hi, anchor, w => w.Parts.Contains(word.Stem));
                viaParts |= at >= 0;
            }

            if (at >= 0)
            {
                used[usedCount++] = at;
            }
            else if (word.Parts is { } parts)
            {
                // A label compound written apart in the text ("voorschriften voor veiligheid").
                foreach (var part in parts)
                {
                    var p = Nearest(words, lo, hi, anchor, w => w.Keys.Contains(part) || w.Parts.Contains(part));
                    if (p < 0)
                    {
                        return null;
                    }

                    used[usedCount++] = p;
                }

                viaParts = true;
                at = used[usedCount - 1];
            }
            else
            {
                return null;
            }

            inOrder &= at >= previous;
            previous = at;
        }

        foreach (var p in used[..usedCount])
        {
            first = Math.Min(first, p);
            last = Math.Max(last, p);
        }

        var unused = 0;
        for (var i = first; i <= last; i++)
        {
            if (!words[i].IsStopWord && !used[..usedCount].Contains(i))
            {
                unused++;
            }
        }

        var confidence = pattern.Preferred ? 0.95 : 0.9;
        confidence *= inOrder ? 1.0 : 0.85;
        confidence /= 1 + 0.2 * unused;
        confidence *= viaParts ? 0.9 : 1.0;
        confidence *= pattern.Language == textLanguage ? 1.0 : 0.85;
        confidence *= ambiguous.Contains(pattern.Signature) ? 0.7 : 1.0;
        if (n == 1)
        {
            // One word alone is weak evidence when many labels use it ("beheren", "safety").
            var df = documentFrequency[pattern.Words[0].Stem];
            confidence *= df > 40 ? 0.5 : df > 10 ? 0.7 : 0.85;
            confidence *= pattern.Words[0].Stem.Length < 4 ? 0.8 : 1.0;
        }

        return new Candidate(pattern, first, last, usedCount, confidence);
    }

    private static int Nearest(AnalysedWord[] words, int lo, int hi, int anchor, Func<AnalysedWord, bool> test)
    {
        for (var d = 0; anchor - d >= lo || anchor + d <= hi; d++)
        {
            if (anchor + d <= hi && !words[anchor + d].IsStopWord && test(words[anchor + d]))
            {
                return anchor + d;
            }

            if (d > 0 && anchor - d >= lo && !words[anchor - d].IsStopWord && test(words[anchor - d]))
            {
                return anchor - d;
            }
        }

        return -1;
    }

    /// <summary>A short match inside a longer one of the same kind is the longer one's word, not a concept of its own.</summary>
    private static List<Candidate> DropSubsumed(List<Candidate> candidates)
    {
        var ordered = candidates.OrderByDescending(c => c.WordsUsed).ThenByDescending(c => c.Confidence).ToList();
        var kept = new List<Candidate>();
        foreach (var c in ordered)
        {
            if (!kept.Any(k => k.Pattern.Kind == c.Pattern.Kind && k.WordsUsed > c.WordsUsed && k.First <= c.First && c.Last <= k.Last))
            {
                kept.Add(c);
            }
        }

        return kept;
    }

    private ExtractedConcept ToConcept(Candidate c, string text, AnalysedWord[] words)
    {
        var start = words[c.First].Start;
        var end = words[c.Last].Start + words[c.Last].Length;
        var (uri, label) = c.Pattern.Kind == ConceptKind.Skill
            ? (taxonomy.Skills[c.Pattern.ConceptId].Uri, taxonomy.Skills[c.Pattern.ConceptId].Label)
            : (taxonomy.Occupations[c.Pattern.ConceptId].Uri, taxonomy.Occupations[c.Pattern.ConceptId].Label);
        return new ExtractedConcept(c.Pattern.Kind, c.Pattern.ConceptId, uri, label, text[start..end], start, end - start, c.Pattern.Label,
            Math.Round(c.Confidence, 3));
    }

    private AnalysedWord[] Analyse(string text)
    {
        var tokens = TextTokens.Split(text);
        var words = new AnalysedWord[tokens.Count];
        var sentence = 0;
        var previousEnd = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (text.AsSpan(previousEnd, t.Start - previousEnd).IndexOfAny(".!?\n:;•") >= 0)
            {
                sentence++;
            }

            previousEnd = t.Start + t.Length;
            if (StopWords.Contains(t.Folded))
            {
                words[i] = new AnalysedWord(t.Start, t.Length, t.Folded, [], [], true, sentence);
                continue;
            }

            // Keys carry their language: a Dutch verb must not match an English noun with the same stem ("produceren", "producer").
            string[] keys = [DutchKey(t.Folded), EnglishKey(t.Folded), PluralKey(t.Folded)];
            var parts = decompounder.Split(t.Folded).Select(DutchKey).ToArray();
            words[i] = new AnalysedWord(t.Start, t.Length, t.Folded, keys, parts, false, sentence);
        }

        return words;
    }

    private static string DutchKey(string folded) => "n:" + Stemming.Dutch(folded);

    private static string EnglishKey(string folded) => "e:" + Stemming.English(folded);

    /// <summary>
    /// English occupation names are matched on the plural only: a full stem makes "management" a "manager" and
    /// "engineering" an "engineer".
    /// </summary>
    private static string PluralKey(string folded) =>
        "p:" + (folded.EndsWith("ies", StringComparison.Ordinal) ? folded[..^3] + "y"
            : folded.EndsWith("ches", StringComparison.Ordinal) || folded.EndsWith("shes", StringComparison.Ordinal) || folded.EndsWith("sses", StringComparison.Ordinal) ? folded[..^2]
            : folded.EndsWith('s') && !folded.EndsWith("ss", StringComparison.Ordinal) && folded.Length > 3 ? folded[..^1]
            : folded);

    private static Language DetectLanguage(AnalysedWord[] words)
    {
        int dutch = 0, english = 0;
        foreach (var w in words)
        {
            dutch += StopWords.Dutch.Contains(w.Folded) ? 1 : 0;
            english += StopWords.English.Contains(w.Folded) ? 1 : 0;
        }

        return english > dutch ? Language.English : Language.Dutch;
    }

    private void AddLabels(ConceptKind kind, int id, string? nl, string en, string[] altNl, string[] altEn, IEnumerable<string> otherDutch)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (nl is not null)
        {
            AddPattern(kind, id, nl, true, Language.Dutch, seen);
        }

        AddPattern(kind, id, en, true, Language.English, seen);
        foreach (var a in altNl.Concat(otherDutch))
        {
            AddPattern(kind, id, a, false, Language.Dutch, seen);
        }

        foreach (var a in altEn)
        {
            AddPattern(kind, id, a, false, Language.English, seen);
        }
    }

    private void AddPattern(ConceptKind kind, int id, string label, bool preferred, Language language, HashSet<string> seen)
    {
        // "Python (computer programming)": the qualifier tells concepts apart, a text never writes it.
        var bare = Qualifier().Replace(label, " ");
        var words = TextTokens.Split(bare)
            .Where(t => !StopWords.Contains(t.Folded))
            .Select(t => new PatternWord(
                language == Language.Dutch ? DutchKey(t.Folded) : kind == ConceptKind.Occupation ? PluralKey(t.Folded) : EnglishKey(t.Folded),
                language == Language.Dutch && decompounder.Split(t.Folded) is { Count: > 0 } parts ? parts.Select(DutchKey).ToArray() : null))
            .ToArray();
        if (words.Length == 0 || words.Length > MaxPatternWords)
        {
            return;
        }

        var signature = string.Join(' ', words.Select(w => w.Stem));
        if (!seen.Add(signature))
        {
            return;
        }

        // The same words naming two concepts ("shop manager (footwear)" and "shop manager (appliances)") decide neither.
        var owner = (kind, id);
        if (signatureOwner.TryGetValue((kind, signature), out var other) && other != owner)
        {
            ambiguous.Add(signature);
        }

        signatureOwner[(kind, signature)] = owner;
        patterns.Add(new LabelPattern(kind, id, label, preferred, language, words, signature));
        foreach (var stem in words.Select(w => w.Stem).Concat(words.SelectMany(w => w.Parts ?? [])).Distinct())
        {
            documentFrequency[stem] = documentFrequency.GetValueOrDefault(stem) + 1;
        }
    }

    private void Anchor(string key, int pattern)
    {
        var list = anchors.TryGetValue(key, out var l) ? l : anchors[key] = [];
        list.Add(pattern);
    }

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Qualifier();

    private sealed record Candidate(LabelPattern Pattern, int First, int Last, int WordsUsed, double Confidence);
}
