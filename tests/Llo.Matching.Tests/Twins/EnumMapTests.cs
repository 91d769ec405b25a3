using Llo.Matching.Api.Validation;
using Llo.Validation;

namespace Llo.Matching.Tests.Twins;

/// <summary>Every contract enum value of the twins has its domain twin and back.</summary>
public sealed class EnumMapTests
{
    [Fact]
    public void Every_enum_map_pairs_every_value_both_ways()
    {
        var maps = EnumMap.DeclaredIn(typeof(MatchingEnums).Assembly);

        Assert.Equal(4, maps.Count);
        Assert.All(maps, m => Assert.True(m.Map.Gaps().Count == 0, $"{m.Name}: {string.Join("; ", m.Map.Gaps())}"));
    }
}
