using System.Text;
using Llo.Inventory.Domain.Agenda;

namespace Llo.Inventory.Tests.Agenda;

public sealed class ICalendarWriterTests
{
    private static readonly DateTimeOffset Stamp = new(2022, 3, 1, 12, 30, 0, TimeSpan.Zero);

    private static CalendarEvent Event(string summary = "Tafel LLO", string description = "", string location = "Stadskantoor") => new(
        "abc@llo-waterweg", summary, new DateOnly(2022, 6, 15), new TimeOnly(14, 0), new TimeOnly(16, 30), location, description,
        [], new DateTimeOffset(2022, 2, 1, 8, 0, 0, TimeSpan.Zero));

    private static string[] Lines(string calendar) => calendar.Split("\r\n");

    [Fact]
    public void A_calendar_has_the_required_structure_with_crlf_line_ends()
    {
        var calendar = ICalendarWriter.Write("Regionale agenda", [Event()], Stamp);

        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:", calendar);
        Assert.EndsWith("END:VCALENDAR\r\n", calendar);
        Assert.DoesNotContain("\n", calendar.Replace("\r\n", ""));
        var lines = Lines(calendar);
        Assert.Contains("BEGIN:VEVENT", lines);
        Assert.Contains("UID:abc@llo-waterweg", lines);
        Assert.Contains("DTSTAMP:20220301T123000Z", lines);
        Assert.Contains("DTSTART;TZID=Europe/Amsterdam:20220615T140000", lines);
        Assert.Contains("DTEND;TZID=Europe/Amsterdam:20220615T163000", lines);
        Assert.Contains("SUMMARY:Tafel LLO", lines);
        Assert.Contains("LOCATION:Stadskantoor", lines);
        Assert.Contains("END:VEVENT", lines);
        // A TZID needs its VTIMEZONE in the same calendar.
        Assert.Contains("TZID:Europe/Amsterdam", lines);
        Assert.Equal(lines.Count(l => l.StartsWith("BEGIN:", StringComparison.Ordinal)), lines.Count(l => l.StartsWith("END:", StringComparison.Ordinal)));
    }

    [Fact]
    public void Commas_semicolons_backslashes_and_newlines_in_text_are_escaped()
    {
        Assert.Equal(@"Food\, Zorg\; en C:\\pad\nregel 2\nregel 3", ICalendarWriter.EscapeText("Food, Zorg; en C:\\pad\r\nregel 2\nregel 3"));

        var calendar = ICalendarWriter.Write("Agenda", [Event(summary: "Werk, leren; groeien")], Stamp);
        Assert.Contains("SUMMARY:Werk\\, leren\\; groeien\r\n", calendar);
    }

    [Fact]
    public void Long_lines_are_folded_at_75_octets_and_unfold_to_the_original()
    {
        var description = string.Concat(Enumerable.Repeat("Leven lang ontwikkelen in de Waterwegregio. ", 8));
        var calendar = ICalendarWriter.Write("Agenda", [Event(description: description)], Stamp);

        Assert.All(Lines(calendar), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"{Encoding.UTF8.GetByteCount(line)} octets: {line}"));
        var unfolded = calendar.Replace("\r\n ", "");
        Assert.Contains("DESCRIPTION:" + description + "\r\n", unfolded);
    }

    [Fact]
    public void Folding_never_splits_a_multi_byte_character()
    {
        var line = "SUMMARY:" + string.Concat(Enumerable.Repeat("café€ë🎓", 30));
        var folded = ICalendarWriter.Fold(line);

        var parts = folded.Split("\r\n");
        Assert.True(parts.Length > 1);
        Assert.All(parts, part =>
        {
            Assert.True(Encoding.UTF8.GetByteCount(part) <= 75);
            // A split inside a character would leave a lone surrogate or produce replacement characters on a round trip.
            Assert.Equal(part, Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(part)));
        });
        Assert.All(parts.Skip(1), part => Assert.StartsWith(" ", part));
        Assert.Equal(line, folded.Replace("\r\n ", ""));
    }

    [Fact]
    public void A_line_of_exactly_75_octets_is_not_folded()
    {
        var line = "SUMMARY:" + new string('x', 75 - 8);
        Assert.Equal(line, ICalendarWriter.Fold(line));
        Assert.Contains("\r\n ", ICalendarWriter.Fold(line + "x"));
    }

    [Fact]
    public void Empty_location_and_description_are_left_out()
    {
        var lines = Lines(ICalendarWriter.Write("Agenda", [Event(location: "", description: "")], Stamp));

        Assert.DoesNotContain(lines, l => l.StartsWith("LOCATION", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("DESCRIPTION", StringComparison.Ordinal));
    }
}
