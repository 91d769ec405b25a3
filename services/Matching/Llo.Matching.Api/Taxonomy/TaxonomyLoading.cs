using Llo.Matching.Domain.Taxonomy;
using Llo.Matching.Domain.Text;

namespace Llo.Matching.Api.Taxonomy;

/// <summary>
/// Loads the taxonomy at start, in the background: ESCO from the directory DESIGN.md §7 names (LLO_ESCO_DIR,
/// ./data/esco, ../shared/data/esco-v1.1.1), else the built-in demo taxonomy, and says clearly which.
/// <c>Matching:Taxonomy=demo</c> skips the search (the tests, a quick start).
/// </summary>
public sealed partial class TaxonomyLoading(LoadedTaxonomy loaded, IConfiguration configuration, IHostEnvironment environment, ILogger<TaxonomyLoading> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the start-up path: importing the full ESCO takes a while, and the host must not wait for it.
        await Task.Yield();
        try
        {
            var taxonomy = await Task.Run(Load, stoppingToken);
            var ready = await Task.Run(() => new ReadyTaxonomy(taxonomy, Decompounder.FromHunspell()), stoppingToken);
            loaded.Loaded(ready);
            LogReady(taxonomy.Source, taxonomy.Skills.Count, taxonomy.Occupations.Count, ready.Extractor.PatternCount);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping before the load finished.
        }
        catch (Exception exception)
        {
            loaded.Failed();
            LogFailed(exception);
        }
    }

    private SkillTaxonomy Load()
    {
        if (string.Equals(configuration["Matching:Taxonomy"], "demo", StringComparison.OrdinalIgnoreCase))
        {
            LogDemo("Matching:Taxonomy=demo");
            return DemoTaxonomy.Load();
        }

        var root = EscoDirectory.RepositoryRoot(environment.ContentRootPath);
        if (EscoDirectory.Find(root) is not { } directory)
        {
            LogDemo($"no ESCO files in {EscoDirectory.EnvironmentVariable}, ./data/esco or ../shared/data/esco-v1.1.1 (from {root})");
            return DemoTaxonomy.Load();
        }

        LogImporting(directory);
        // The importer reports every few thousand rows; the log gets one line per file.
        var lastStep = 0;
        return EscoImporter.Load(directory, new Progress<ImportProgress>(p =>
        {
            if (Interlocked.Exchange(ref lastStep, p.Step) != p.Step)
            {
                LogProgress(p.Step, p.StepCount, p.File);
            }
        }));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Matching taxonomy: using the small built-in DEMO taxonomy, not ESCO ({Reason}).")]
    private partial void LogDemo(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Matching taxonomy: loading ESCO from {Directory}; the endpoints answer 503 until it is ready.")]
    private partial void LogImporting(string directory);

    [LoggerMessage(Level = LogLevel.Information, Message = "Matching taxonomy: reading step {Step} of {StepCount}, {File}.")]
    private partial void LogProgress(int step, int stepCount, string file);

    [LoggerMessage(Level = LogLevel.Information, Message = "Matching taxonomy ready: {Source}, {Skills} skills, {Occupations} occupations, {Patterns} extraction patterns.")]
    private partial void LogReady(string source, int skills, int occupations, int patterns);

    [LoggerMessage(Level = LogLevel.Error, Message = "Matching taxonomy could not be loaded; the endpoints answer 503.")]
    private partial void LogFailed(Exception exception);
}
