using System.Globalization;

namespace Llo.Finance.Api.Budgets;

/// <summary>The year in a budget path: four digits, or InvalidArgument naming the field "year" in Dutch.</summary>
public static class BudgetYearField
{
    public static int Parse(string text)
    {
        if (text.Length == 4 && text.All(char.IsAsciiDigit) && int.Parse(text, CultureInfo.InvariantCulture) is var year and >= 1900)
        {
            return year;
        }

        new FieldViolations().Add("year", $"Geen geldig jaar \"{Echo.Of(text)}\" (verwacht een jaartal van vier cijfers, bijvoorbeeld 2022).").ThrowIfAny();
        return 0;
    }
}
