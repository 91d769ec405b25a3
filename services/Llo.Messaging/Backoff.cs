namespace Llo.Messaging;

internal static class Backoff
{
    /// <summary>first, 2×first, 4×first … capped at max; <paramref name="failures"/> counts from 1.</summary>
    public static TimeSpan Delay(int failures, TimeSpan first, TimeSpan max)
    {
        var factor = Math.Pow(2, Math.Clamp(failures - 1, 0, 30));
        return TimeSpan.FromMilliseconds(Math.Min(first.TotalMilliseconds * factor, max.TotalMilliseconds));
    }
}
