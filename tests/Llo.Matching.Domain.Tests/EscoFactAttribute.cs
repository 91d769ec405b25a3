namespace Llo.Matching.Domain.Tests;

/// <summary>
/// A test that needs the full ESCO v1.1.1 files (DESIGN.md §7). A checkout without them (a clone outside the shared
/// data's neighbourhood, with no <c>LLO_ESCO_DIR</c>) skips it with the reason instead of failing on missing data; the
/// demo-taxonomy tests still run there.
/// </summary>
public sealed class EscoFactAttribute : FactAttribute
{
    public EscoFactAttribute()
    {
        if (!EscoFixture.Available)
        {
            Skip = "ESCO v1.1.1 not found: set LLO_ESCO_DIR or place it at ../shared/data/esco-v1.1.1 (DESIGN.md §7).";
        }
    }
}
