using Llo.Inventory.Domain.Projects;

namespace Llo.Inventory.Domain.Overlaps;

/// <summary>
/// Scores how much an existing project looks like a draft ("doublure"). Each kind of evidence has a weight:
/// <list type="bullet">
/// <item>0.50 the text: cosine of the IDF-weighted terms (stems, compound parts, synonym concepts), saturating at
///   <see cref="FullTextSimilarity"/> because two texts by different people never share every word; an existing
///   project's description can add shared terms but does not lengthen its vector; scaled down while fewer than
///   <see cref="FullEvidenceWords"/> of the draft's words are shared;</item>
/// <item>0.10 a shared focus line (there are only three, so it is weak evidence);</item>
/// <item>0.10 a shared sector;</item>
/// <item>0.10 the same campus;</item>
/// <item>0.05 overlapping periods (an open end runs forever);</item>
/// <item>0.15 shared partner organisations, scaled by the share of the smaller partner list.</item>
/// </list>
/// The score is the weighted evidence divided by the weights of the fields the draft fills in, so a draft of only a
/// title and a summary that says what an existing project says reaches the report threshold. Focus line and sector
/// alone (with unrelated text) stay below it; with a shared partner, campus or similar words they can pass it.
/// Reported are the projects from <see cref="ReportThreshold"/> that reach <see cref="RelativeCutoff"/> of the best.
/// </summary>
public static class OverlapScorer
{
    public const double TextWeight = 0.50;
    public const double FocusLineWeight = 0.10;
    public const double SectorWeight = 0.10;
    public const double CampusWeight = 0.10;
    public const double PeriodWeight = 0.05;
    public const double PartnersWeight = 0.15;
    public const double ReportThreshold = 0.35;

    /// <summary>
    /// The text cosine from which two texts count as saying the same thing. Chosen on the tune part of the evaluation
    /// set (tests/Llo.Inventory.Tests/Overlaps/Evaluation): a text-only draft is reported from a cosine of 0.17.
    /// </summary>
    public const double FullTextSimilarity = 0.49;

    /// <summary>
    /// A project scoring less than this share of the best one is not reported: next to a clear twin, a project that
    /// merely shares a few words is noise.
    /// </summary>
    public const double RelativeCutoff = 0.6;

    /// <summary>
    /// How many of the draft's words (a compound's part counts <c>0.3</c>, a synonym concept like a word) a project must
    /// share before its text counts in full. Two texts that share only two telling words ("haven", "Maassluis") are
    /// more often neighbours than twins, however rare those words are; a short draft needs only what it has.
    /// </summary>
    public const double FullEvidenceWords = 4;

    private const int MaxTermsInReason = 5;
    private const int MaxConceptsInReason = 3;

    public static OverlapScore Score(OverlapProfile draft, OverlapProfile existing, TermStatistics statistics) =>
        new Check(draft, statistics).Score(existing);

    /// <summary>A draft prepared once (its term weights and norm) and scored against many existing projects.</summary>
    public sealed class Check
    {
        private readonly OverlapProfile _draft;
        private readonly TermStatistics _statistics;
        private readonly Dictionary<string, double> _weights = new(StringComparer.Ordinal);
        private readonly (string Term, double Weight, double Idf, double Words)[] _terms;
        private readonly double _norm;
        private readonly double _wordsNeeded;
        private readonly double _filledWeight;

        public Check(OverlapProfile draft, TermStatistics statistics)
        {
            _draft = draft;
            _statistics = statistics;
            foreach (var (term, hit) in draft.Text.Terms)
            {
                _weights[term] = hit.Weight * statistics.Idf(term);
            }

            _terms = _weights.Select(w => (w.Key, w.Value, statistics.Idf(w.Key), WordCount(draft.Text.Terms[w.Key]))).ToArray();
            _wordsNeeded = Math.Min(FullEvidenceWords, _terms.Sum(t => t.Words));
            _norm = Math.Sqrt(_weights.Values.Sum(w => w * w));
            _filledWeight = (draft.Text.IsEmpty ? 0 : TextWeight)
                + (draft.FocusLines.Count > 0 ? FocusLineWeight : 0)
                + (draft.Sectors.Count > 0 ? SectorWeight : 0)
                + (string.IsNullOrEmpty(draft.Campus) ? 0 : CampusWeight)
                + (draft.StartDate is null ? 0 : PeriodWeight)
                + (draft.Partners.Count > 0 ? PartnersWeight : 0);
        }

        /// <summary>
        /// Whether a project could score <paramref name="minimum"/> at best while it shares no term with the draft (the
        /// text then gives nothing) and, unless <paramref name="sharingSectorCampusOrPartner"/>, no sector, campus or
        /// partner either. Lets a caller score only the projects that share something, without changing which reach it.
        /// </summary>
        public bool CanReachWithoutSharedText(double minimum, bool sharingSectorCampusOrPartner)
        {
            if (minimum <= 0)
            {
                return true;
            }

            if (_filledWeight == 0)
            {
                return false;
            }

            var best = (_draft.FocusLines.Count > 0 ? FocusLineWeight : 0) + (_draft.StartDate is null ? 0 : PeriodWeight);
            if (sharingSectorCampusOrPartner)
            {
                best += (_draft.Sectors.Count > 0 ? SectorWeight : 0)
                    + (string.IsNullOrEmpty(_draft.Campus) ? 0 : CampusWeight)
                    + (_draft.Partners.Count > 0 ? PartnersWeight : 0);
            }

            return Math.Round(Math.Clamp(best / _filledWeight, 0, 1), 3) >= minimum;
        }

        /// <summary>The score with its reasons.</summary>
        public OverlapScore Score(OverlapProfile existing) => Score(existing, TextNorm(existing.Text, _statistics));

        /// <param name="existingNorm">The existing text's <see cref="TextNorm"/> under the same statistics (callers cache it).</param>
        public OverlapScore Score(OverlapProfile existing, double existingNorm)
        {
            var reasons = new List<string>();
            return new OverlapScore(Evaluate(existing, existingNorm, reasons), reasons);
        }

        /// <summary>The score alone, without building reasons: for ranking many projects.</summary>
        public double Rank(OverlapProfile existing, double existingNorm) => Evaluate(existing, existingNorm, null);

        /// <summary>
        /// The draft's terms in the order <see cref="Rank(OverlapProfile, double)"/> adds them up, with the draft's weight,
        /// the IDF and the share of a word each. A caller that adds <c>Weight * existingWeight * Idf</c> and <c>Words</c>
        /// per project in this order (over an inverted index) gets the same sums, to the last bit.
        /// </summary>
        public ReadOnlySpan<(string Term, double Weight, double Idf, double Words)> Terms => _terms;

        /// <summary>
        /// As <see cref="Rank(OverlapProfile, double)"/>, with the text's dot product and shared words already added up
        /// (see <see cref="Terms"/>): an index scores thousands of projects without a dictionary look-up per term.
        /// </summary>
        public double Rank(OverlapProfile existing, double existingNorm, double dot, double sharedWords) =>
            _filledWeight == 0 ? 0
                : Math.Round(Math.Clamp((TextEvidence(dot, sharedWords, existingNorm) + StructuredEvidence(existing)) / _filledWeight, 0, 1), 3);

        private double Evaluate(OverlapProfile existing, double existingNorm, List<string>? reasons)
        {
            if (_filledWeight == 0)
            {
                return 0;
            }

            var evidence = TextEvidence(existing, existingNorm, reasons);
            if (reasons is null)
            {
                return Math.Round(Math.Clamp((evidence + StructuredEvidence(existing)) / _filledWeight, 0, 1), 3);
            }

            var focusLines = _draft.FocusLines.Count == 0 ? [] : _draft.FocusLines.Intersect(existing.FocusLines).ToList();
            if (focusLines.Count > 0)
            {
                evidence += FocusLineWeight;
                reasons?.Add("Zelfde focuslijn: " + string.Join(", ", focusLines.Select(Labels.Dutch)));
            }

            var sectors = Shared(_draft.Sectors, existing.Sectors);
            if (sectors.Count > 0)
            {
                evidence += SectorWeight;
                reasons?.Add("Zelfde sector: " + string.Join(", ", sectors));
            }

            if (!string.IsNullOrEmpty(_draft.Campus) && string.Equals(_draft.Campus, existing.Campus, StringComparison.OrdinalIgnoreCase))
            {
                evidence += CampusWeight;
                reasons?.Add("Zelfde campus: " + _draft.Campus);
            }

            if (PeriodsOverlap(_draft, existing))
            {
                evidence += PeriodWeight;
                reasons?.Add("Overlappende periode");
            }

            var partners = Shared(_draft.Partners, existing.Partners);
            if (partners.Count > 0)
            {
                var smaller = Math.Min(_draft.Partners.Count, existing.Partners.Count);
                evidence += PartnersWeight * Math.Min(1.0, (double)partners.Count / smaller);
                reasons?.Add("Gedeelde partners: " + string.Join(", ", partners));
            }

            return Math.Round(Math.Clamp(evidence / _filledWeight, 0, 1), 3);
        }

        /// <summary>The structured fields' evidence as <see cref="Evaluate"/> counts it, without allocating (ranking 10,000 projects).</summary>
        private double StructuredEvidence(OverlapProfile existing)
        {
            double evidence = 0;
            if (_draft.FocusLines.Any(existing.FocusLines.Contains))
            {
                evidence += FocusLineWeight;
            }

            if (CountShared(_draft.Sectors, existing.Sectors) > 0)
            {
                evidence += SectorWeight;
            }

            if (!string.IsNullOrEmpty(_draft.Campus) && string.Equals(_draft.Campus, existing.Campus, StringComparison.OrdinalIgnoreCase))
            {
                evidence += CampusWeight;
            }

            if (PeriodsOverlap(_draft, existing))
            {
                evidence += PeriodWeight;
            }

            var partners = CountShared(_draft.Partners, existing.Partners);
            if (partners > 0)
            {
                evidence += PartnersWeight * Math.Min(1.0, (double)partners / Math.Min(_draft.Partners.Count, existing.Partners.Count));
            }

            return evidence;
        }

        private static int CountShared(IReadOnlyList<string> draft, IReadOnlyList<string> existing)
        {
            var count = 0;
            for (var i = 0; i < draft.Count; i++)
            {
                for (var j = 0; j < existing.Count; j++)
                {
                    if (string.Equals(draft[i].Trim(), existing[j].Trim(), StringComparison.OrdinalIgnoreCase))
                    {
                        count++;
                        break;
                    }
                }
            }

            return count;
        }

        /// <summary>The text's weighted share of the evidence from the dot product of the two term vectors and the draft's words shared.</summary>
        private double TextEvidence(double dot, double sharedWords, double existingNorm)
        {
            if (dot == 0 || _norm == 0 || existingNorm == 0)
            {
                return 0;
            }

            // Description-only terms add to the dot product but not to the norm, so the ratio can pass 1: capped.
            var cosine = Math.Min(1, dot / (_norm * existingNorm));
            return TextWeight * Math.Min(1.0, cosine / FullTextSimilarity) * Math.Min(1.0, sharedWords / _wordsNeeded);
        }

        /// <summary>The text's weighted share of the evidence, and (when asked) the reasons that name what matched.</summary>
        private double TextEvidence(OverlapProfile existing, double existingNorm, List<string>? reasons)
        {
            if (_norm == 0 || existingNorm == 0)
            {
                return 0;
            }

            double dot = 0;
            double sharedWords = 0;
            List<(string Term, double Contribution)>? shared = null;
            foreach (var (term, draftWeight, idf, wordCount) in _terms)
            {
                if (existing.Text.Terms.TryGetValue(term, out var hit))
                {
                    var contribution = draftWeight * hit.Weight * idf;
                    dot += contribution;
                    sharedWords += wordCount;
                    if (reasons is not null)
                    {
                        (shared ??= []).Add((term, contribution));
                    }
                }
            }

            var evidence = TextEvidence(dot, sharedWords, existingNorm);
            if (dot == 0 || reasons is null)
            {
                return evidence;
            }

            var ordered = shared!.OrderByDescending(s => s.Contribution).ThenBy(s => s.Term, StringComparer.Ordinal).ToList();
            var words = ordered.Where(s => !s.Term.StartsWith(OverlapTextAnalyser.ConceptPrefix, StringComparison.Ordinal))
                .Select(s => _draft.Text.Terms[s.Term].Word)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Take(MaxTermsInReason)
                .ToList();
            var concepts = ordered.Where(s => s.Term.StartsWith(OverlapTextAnalyser.ConceptPrefix, StringComparison.Ordinal))
                .Select(s => (Draft: _draft.Text.Terms[s.Term].Word, Existing: existing.Text.Terms[s.Term].Word))
                .Where(p => !SameWords(p.Draft, p.Existing))
                .Select(p => $"{p.Draft} ≈ {p.Existing}")
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Take(MaxConceptsInReason)
                .ToList();
            if (concepts.Count > 0)
            {
                reasons.Add("Zelfde begrip: " + string.Join(", ", concepts));
            }

            if (words.Count > 0)
            {
                reasons.Add("Gedeelde termen: " + string.Join(", ", words));
            }

            return evidence;
        }
    }

    /// <summary>
    /// The length of a project's weighted term vector; description-only terms are left out, so a well-described project
    /// does not look less like every short draft. Depends on the statistics: cache it per <see cref="TermStatistics.Version"/>.
    /// </summary>
    public static double TextNorm(AnalysedText text, TermStatistics statistics)
    {
        double squares = 0;
        foreach (var (term, hit) in text.Terms)
        {
            if (!hit.DescriptionOnly)
            {
                var weight = hit.Weight * statistics.Idf(term);
                squares += weight * weight;
            }
        }

        return Math.Sqrt(squares);
    }

    /// <summary>
    /// A term's share of a whole word: a compound's part is a fraction of one, a description word less than a title word.
    /// The region's own municipalities count as a part: half the projects name one, so sharing one says little.
    /// </summary>
    private static double WordCount(TermHit hit) =>
        RegionMunicipalities.Contains(OverlapTextAnalyser.Normalise(hit.Word)) ? PlaceNameWord : Math.Min(1.0, hit.Weight);

    private const double PlaceNameWord = 0.3;

    /// <summary>The Waterweg region's municipalities (<see cref="Region"/>): in this region they are common words, not telling ones.</summary>
    private static readonly HashSet<string> RegionMunicipalities =
        Region.Municipalities.Select(OverlapTextAnalyser.Normalise).ToHashSet(StringComparer.Ordinal);

    public static bool PeriodsOverlap(OverlapProfile a, OverlapProfile b)
    {
        if (a.StartDate is not { } aStart || b.StartDate is not { } bStart)
        {
            return false;
        }

        var aEnd = a.EndDate ?? DateOnly.MaxValue;
        var bEnd = b.EndDate ?? DateOnly.MaxValue;
        return aStart <= bEnd && bStart <= aEnd;
    }

    /// <summary>"monteur" and "Monteurs" are one word: naming them as a matched concept says nothing.</summary>
    private static bool SameWords(string a, string b) =>
        string.Equals(Stems(a), Stems(b), StringComparison.Ordinal);

    private static string Stems(string phrase) =>
        string.Join(' ', phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => DutchStemmer.Stem(OverlapTextAnalyser.Normalise(w))));

    private static List<string> Shared(IReadOnlyList<string> draft, IReadOnlyList<string> existing) =>
        draft.Count == 0 || existing.Count == 0 ? [] : draft.Where(d => existing.Any(e => string.Equals(e.Trim(), d.Trim(), StringComparison.OrdinalIgnoreCase)))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
}
