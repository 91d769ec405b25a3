namespace Llo.Inventory.Api.Projects;

internal static class Clock
{
    /// <summary>Now, truncated to PostgreSQL's microseconds so what a write returns equals what a later read returns.</summary>
    public static DateTimeOffset UtcNow()
    {
        var ticks = DateTimeOffset.UtcNow.UtcTicks;
        return new DateTimeOffset(ticks - ticks % 10, TimeSpan.Zero);
    }
}
