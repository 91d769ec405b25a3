namespace Llo.Validation;

/// <summary>Instants as PostgreSQL keeps them (microseconds), so what a write returns equals what a later read returns.</summary>
public static class StoredTime
{
    public static DateTimeOffset Now(TimeProvider time) => Truncate(time.GetUtcNow());

    public static DateTimeOffset Truncate(DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks;
        return new DateTimeOffset(ticks - ticks % 10, TimeSpan.Zero);
    }
}
