using Llo.Matching.Domain.Taxonomy;

namespace Llo.Matching.Domain.Tests;

/// <summary>ESCO loaded once for every test class that needs it (about two seconds), from the directory DESIGN.md §7 names.</summary>
public sealed class EscoFixture
{
    private static readonly Lazy<SkillTaxonomy> Shared = new(Load);

    public SkillTaxonomy Taxonomy => Shared.Value;

    private static string? Found => EscoDirectory.Find(EscoDirectory.RepositoryRoot(AppContext.BaseDirectory));

    /// <summary>Whether the ESCO files are there; <see cref="EscoFactAttribute"/> skips the tests that need them otherwise.</summary>
    public static bool Available => Found is not null;

    public static string Directory =>
        Found ?? throw new InvalidOperationException("ESCO v1.1.1 not found: set LLO_ESCO_DIR or place it at ../shared/data/esco-v1.1.1.");

    private static SkillTaxonomy Load() => EscoImporter.Load(Directory);
}

[CollectionDefinition(Name)]
public sealed class EscoCollection : ICollectionFixture<EscoFixture>
{
    public const string Name = "ESCO";
}
