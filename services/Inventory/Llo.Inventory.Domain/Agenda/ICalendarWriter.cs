using System.Globalization;
using System.Text;

namespace Llo.Inventory.Domain.Agenda;

/// <summary>
/// Writes an RFC 5545 calendar: CRLF line ends, content lines folded at 75 octets (never inside a UTF-8 character),
/// TEXT values escaped (\\ \; \, \n). Event times carry TZID=Europe/Amsterdam, so the VTIMEZONE for it is included:
/// partners enter the local time of a meeting, and that is what a calendar should show, also across DST.
/// </summary>
public static class ICalendarWriter
{
    public const string ContentType = "text/calendar; charset=utf-8";
    public const string TimeZoneId = "Europe/Amsterdam";
    private const int MaxOctets = 75;

    private static readonly string[] AmsterdamTimeZone =
    [
        "BEGIN:VTIMEZONE",
        "TZID:" + TimeZoneId,
        "BEGIN:DAYLIGHT",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "TZNAME:CEST",
        "DTSTART:19700329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "TZNAME:CET",
        "DTSTART:19701025T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD",
        "END:VTIMEZONE",
    ];

    /// <param name="stamp">When the export was made (DTSTAMP), converted to UTC.</param>
    public static string Write(string calendarName, IEnumerable<CalendarEvent> events, DateTimeOffset stamp)
    {
        var output = new StringBuilder();
        void Line(string line) => output.Append(Fold(line)).Append("\r\n");

        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//Tafel LLO Waterweg//Llo inventory//NL");
        Line("CALSCALE:GREGORIAN");
        Line("METHOD:PUBLISH");
        Line("X-WR-CALNAME:" + EscapeText(calendarName));
        Line("X-WR-TIMEZONE:" + TimeZoneId);
        foreach (var line in AmsterdamTimeZone)
        {
            Line(line);
        }

        foreach (var evt in events)
        {
            Line("BEGIN:VEVENT");
            Line("UID:" + EscapeText(evt.Uid));
            Line("DTSTAMP:" + Utc(stamp));
            Line($"DTSTART;TZID={TimeZoneId}:" + Local(evt.Date, evt.Start));
            Line($"DTEND;TZID={TimeZoneId}:" + Local(evt.Date, evt.End));
            Line("SUMMARY:" + EscapeText(evt.Summary));
            if (evt.Location.Length > 0)
            {
                Line("LOCATION:" + EscapeText(evt.Location));
            }

            if (evt.Description.Length > 0)
            {
                Line("DESCRIPTION:" + EscapeText(evt.Description));
            }

            if (evt.Categories.Count > 0)
            {
                // CATEGORIES is a list: commas separate values, so each value is escaped on its own.
                Line("CATEGORIES:" + string.Join(',', evt.Categories.Select(EscapeText)));
            }

            Line("LAST-MODIFIED:" + Utc(evt.LastModified));
            Line("END:VEVENT");
        }

        Line("END:VCALENDAR");
        return output.ToString();
    }

    /// <summary>RFC 5545 §3.3.11: backslash, semicolon and comma escaped, every kind of line break as \n.</summary>
    public static string EscapeText(string value) => value
        .Replace("\\", "\\\\")
        .Replace(";", "\\;")
        .Replace(",", "\\,")
        .Replace("\r\n", "\\n")
        .Replace("\r", "\\n")
        .Replace("\n", "\\n");

    /// <summary>
    /// RFC 5545 §3.1: a line longer than 75 octets is split with CRLF and one space; the space counts towards the
    /// 75 octets of the continuation line. Splits fall between characters, never inside a UTF-8 sequence.
    /// </summary>
    public static string Fold(string line)
    {
        if (Encoding.UTF8.GetByteCount(line) <= MaxOctets)
        {
            return line;
        }

        var folded = new StringBuilder(line.Length + line.Length / 70 * 3);
        var octets = 0;
        var limit = MaxOctets;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                folded.Append("\r\n ");
                octets = 1;
            }

            folded.Append(rune.ToString());
            octets += size;
        }

        return folded.ToString();
    }

    private static string Utc(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Local(DateOnly date, TimeOnly time) =>
        date.ToDateTime(time).ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
}
