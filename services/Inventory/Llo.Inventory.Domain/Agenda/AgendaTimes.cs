using System.Globalization;

namespace Llo.Inventory.Domain.Agenda;

/// <summary>The agenda's clock times: "HH:mm" local Dutch time, as partners type them.</summary>
public static class AgendaTimes
{
    public static TimeOnly? Parse(string text) =>
        TimeOnly.TryParseExact(text.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : null;

    public static string Format(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
