using System.Globalization;

namespace Llo.Inventory.Api.Agenda;

internal static class AgendaDates
{
    public static DateOnly? Parse(string text) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
}
