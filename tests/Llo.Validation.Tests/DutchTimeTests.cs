using Microsoft.Extensions.Time.Testing;

namespace Llo.Validation.Tests;

public sealed class DutchTimeTests
{
    [Fact]
    public void Late_on_the_night_summer_time_starts_the_Dutch_date_is_already_the_next_day()
    {
        // 29 March 2026, 02:00 CET became 03:00 CEST. 22:30 UTC the evening before is 23:30 in Rotterdam;
        // 22:30 UTC that Sunday is 00:30 on Monday because the offset grew to two hours.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 28, 22, 30, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2026, 3, 28), DutchTime.Today(time));

        time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(new DateOnly(2026, 3, 30), DutchTime.Today(time));
    }

    [Fact]
    public void A_fixed_offset_would_get_the_date_wrong_where_the_zone_gets_it_right()
    {
        var instant = new DateTimeOffset(2026, 7, 1, 22, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 7, 2), DutchTime.DateOf(instant));
        Assert.Equal(new DateOnly(2026, 7, 1), DateOnly.FromDateTime(instant.ToOffset(TimeSpan.FromHours(1)).DateTime));
    }

    [Fact]
    public void A_wall_clock_time_gets_the_offset_of_its_own_day()
    {
        Assert.Equal(TimeSpan.FromHours(1), DutchTime.At(new DateOnly(2026, 10, 26), new TimeOnly(14, 0)).Offset);
        Assert.Equal(TimeSpan.FromHours(2), DutchTime.At(new DateOnly(2026, 10, 24), new TimeOnly(14, 0)).Offset);
    }

    [Fact]
    public void A_stored_instant_keeps_microseconds_and_drops_the_rest()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero).AddTicks(1_234_567));

        Assert.Equal(1_234_560, StoredTime.Now(time).UtcTicks % TimeSpan.TicksPerSecond);
        Assert.Equal(TimeSpan.Zero, StoredTime.Now(time).Offset);
    }
}
