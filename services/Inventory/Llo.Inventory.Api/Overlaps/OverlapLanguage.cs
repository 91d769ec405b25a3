using System.Collections.Concurrent;
using System.Diagnostics;
using Llo.Inventory.Domain.Overlaps;

namespace Llo.Inventory.Api.Overlaps;

/// <summary>
/// The text analyser the overlap check uses, and its data: the stop words and the curated synonyms shipped in
/// <c>Overlaps/Data</c> (ready at once), then in the background the Dutch word list for compounds (Debian's
/// <c>hunspell-nl</c>) and ESCO's Dutch labels (<see cref="EscoDirectory"/>). Until those are loaded, and when they
/// are absent, the check runs on what it has. A process loads each combination once (tests start many hosts).
/// </summary>
public sealed class OverlapLanguage
{
    private static readonly string[] DefaultWordLists = ["/usr/share/hunspell/nl_NL.dic", "/usr/share/hunspell/nl.dic"];
    private static readonly ConcurrentDictionary<string, Lazy<Task<OverlapTextAnalyser>>> Loaded = new();

    private readonly Task _loaded;
    private OverlapTextAnalyser _analyser;

    public OverlapLanguage(IConfiguration configuration, ILogger<OverlapLanguage> logger)
    {
        var stopWords = Lines("stopwords.txt").Select(OverlapTextAnalyser.Normalise).ToHashSet(StringComparer.Ordinal);
        var curated = new SynonymLexicon();
        var plain = new OverlapTextAnalyser(stopWords, Decompounder.None, curated);
        AddCurated(curated, plain);
        _analyser = plain;

        var wordList = configuration["Inventory:Overlaps:WordList"] ?? DefaultWordLists.FirstOrDefault(File.Exists);
        var esco = EscoDirectory.Find(configuration["LLO_ESCO_DIR"]);
        var key = $"{wordList}|{esco}";
        var full = Loaded.GetOrAdd(key, _ => new Lazy<Task<OverlapTextAnalyser>>(() => Task.Run(() => Load(stopWords, wordList, esco, logger)))).Value;
        _loaded = full.ContinueWith(t =>
        {
            if (t.IsCompletedSuccessfully)
            {
                _analyser = t.Result;
            }
            else
            {
                logger.LogWarning(t.Exception, "Overlap check: word list or ESCO labels could not be loaded; it runs on stems and curated synonyms");
            }
        }, TaskScheduler.Default);
    }

    /// <summary>The analyser to use now; it is replaced once by the full one (compare by reference to notice).</summary>
    public OverlapTextAnalyser Analyser => _analyser;

    /// <summary>Completes when the word list and ESCO are loaded (or found absent) and <see cref="Analyser"/> uses them.</summary>
    public Task WhenLoaded => _loaded;

    private static OverlapTextAnalyser Load(HashSet<string> stopWords, string? wordList, string? esco, ILogger logger)
    {
        var watch = Stopwatch.StartNew();
        var (words, names) = wordList is not null && File.Exists(wordList) ? ReadWordList(wordList) : ([], []);
        var lexicon = new SynonymLexicon();
        var analyser = new OverlapTextAnalyser(stopWords, words.Count > 0 ? new Decompounder(words, names) : Decompounder.None, lexicon);
        AddCurated(lexicon, analyser);
        var curatedConcepts = lexicon.ConceptCount;
        if (esco is not null)
        {
            foreach (var labels in EscoLabels.Read(esco))
            {
                lexicon.AddConcept(labels, analyser.PhraseKey);
            }
        }

        logger.LogInformation(
            "Overlap check ready in {Elapsed} ms: {Words} words for compounds, {Curated} curated and {Esco} ESCO concepts ({Phrases} phrases){EscoNote}",
            watch.ElapsedMilliseconds, words.Count, curatedConcepts, lexicon.ConceptCount - curatedConcepts, lexicon.PhraseCount,
            esco is null ? "; no ESCO directory found (LLO_ESCO_DIR, ./data/esco, ../shared/data/esco-v1.1.1)" : "");
        return analyser;
    }

    /// <summary>
    /// Hunspell's .dic: a count, then one stem per line with optional "/flags". Words with a capital are names: they
    /// are never parts and never split ("Maassluis" is not "maas" + "sluis").
    /// </summary>
    private static (HashSet<string> Words, HashSet<string> Names) ReadWordList(string path)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var slash = line.IndexOf('/');
            var word = slash < 0 ? line.Trim() : line[..slash];
            if (word.Length >= 4 && word.All(char.IsLetter))
            {
                (char.IsLower(word[0]) ? words : names).Add(OverlapTextAnalyser.Normalise(word));
            }
        }

        names.ExceptWith(words); // "Zorg" as a name does not stop "zorg" from being a word
        return (words, names);
    }

    /// <summary>Data/synonyms.txt: one concept per line, its names separated by " = ", the first one shown.</summary>
    private static void AddCurated(SynonymLexicon lexicon, OverlapTextAnalyser analyser)
    {
        foreach (var line in Lines("synonyms.txt"))
        {
            lexicon.AddConcept(line.Split('=', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), analyser.PhraseKey);
        }
    }

    private static IEnumerable<string> Lines(string resource)
    {
        using var stream = typeof(OverlapLanguage).Assembly.GetManifestResourceStream($"Llo.Inventory.Api.Overlaps.Data.{resource}")
            ?? throw new InvalidOperationException($"Embedded resource Overlaps/Data/{resource} is missing.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                lines.Add(line);
            }
        }

        return lines;
    }
}
