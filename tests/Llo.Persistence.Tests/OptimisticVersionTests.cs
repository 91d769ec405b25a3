using Llo.Persistence;

namespace Llo.Persistence.Tests;

public sealed class OptimisticVersionTests
{
    private sealed record Versioned(long Version) : IVersioned;

    private sealed class NotFound : Exception;

    private sealed class Stale(long expected, long current) : Exception($"{expected}->{current}");

    private static Task<Versioned> Check(Versioned? row, long expected) =>
        Task.FromResult(row).Expecting(expected, () => new NotFound(), (e, c) => new Stale(e, c));

    [Fact]
    public async Task The_current_version_or_no_check_passes_the_row_through()
    {
        Assert.Equal(3, (await Check(new Versioned(3), 3)).Version);
        Assert.Equal(3, (await Check(new Versioned(3), 0)).Version);
    }

    [Fact]
    public async Task A_missing_row_is_not_found_and_another_version_is_stale_with_both_numbers()
    {
        await Assert.ThrowsAsync<NotFound>(() => Check(null, 1));
        var stale = await Assert.ThrowsAsync<Stale>(() => Check(new Versioned(4), 2));
        Assert.Equal("2->4", stale.Message);
    }
}
