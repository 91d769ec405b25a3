namespace Llo.Persistence;

/// <summary>
/// The one check every versioned write makes after loading its row <c>FOR UPDATE</c>: a missing row is not found, and
/// a caller who read another version than the stored one is stale (ABORTED, HTTP 409) and changes nothing. Version 0
/// means "do not check" (deleting or archiving without having read first). The messages are the resource's own
/// (<c>Resource.NotFound</c> / <c>Resource.Stale</c>), so this block needs no gRPC.
/// </summary>
public static class OptimisticVersion
{
    public static async Task<T> Expecting<T>(this Task<T?> lockedRow, long expectedVersion, Func<Exception> notFound, Func<long, long, Exception> stale)
        where T : class, IVersioned
    {
        var row = await lockedRow ?? throw notFound();
        if (expectedVersion != 0 && expectedVersion != row.Version)
        {
            throw stale(expectedVersion, row.Version);
        }

        return row;
    }
}
