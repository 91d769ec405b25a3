using System.Globalization;
using Llo.Inventory.Api.Validation;

namespace Llo.Inventory.Api.Desk;

internal static class DeskText
{
    public static string Required(string value, string field, string label, int max, FieldViolations violations)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0)
        {
            violations.Add(field, $"{label} is verplicht.");
        }
        else if (trimmed.Length > max)
        {
            violations.Add(field, $"{label} is te lang (hoogstens {max.ToString(CultureInfo.InvariantCulture)} tekens).");
        }

        return trimmed;
    }
}
