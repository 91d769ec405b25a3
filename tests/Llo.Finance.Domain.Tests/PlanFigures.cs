namespace Llo.Finance.Domain.Tests;

/// <summary>
/// The figures printed in the plan's BEGROTING TAFEL LEVEN LANG ONTWIKKELEN v.13-01-2022, typed in here from the
/// plan itself (not from the seed file), so the seed is checked against the document.
/// </summary>
public static class PlanFigures
{
    public static readonly int[] Years = [2022, 2023, 2024];

    public static readonly (string Id, decimal Y2022, decimal Y2023, decimal Y2024)[] Income =
    [
        ("aanvraag-programmamanagement", 100_000m, 100_000m, 100_000m),
        ("aanvraag-school-naar-werk", 100_000m, 100_000m, 50_000m),
        ("aanvraag-werk-naar-werk", 100_000m, 100_000m, 50_000m),
        ("inzet-huis-naar-werk", 0m, 0m, 0m),
        ("deelnemersbijdragen-bedrijven", 15_000m, 15_000m, 30_000m),
        ("deelnemersbijdragen-gemeenten", 15_000m, 15_000m, 15_000m),
        ("deelnemersbijdragen-onderwijs", 15_000m, 15_000m, 19_000m),
    ];

    public static readonly (string Id, decimal Y2022, decimal Y2023, decimal? Y2024)[] Expenses =
    [
        ("programmamanager", 99_000m, 99_000m, 99_000m),
        ("projectleider-school-naar-werk", 81_000m, 81_000m, 40_500m),
        ("projectleider-werk-naar-werk", 81_000m, 81_000m, 40_500m),
        ("projectleider-huis-naar-werk", 0m, 0m, null),
        ("secretariele-ondersteuning", 35_000m, 35_000m, 35_000m),
        ("strategisch-advies", 25_000m, 25_000m, 25_000m),
        ("communicatie", 8_000m, 8_000m, 8_000m),
        ("bijeenkomsten", 3_500m, 3_500m, 3_500m),
        ("algemene-kosten", 10_000m, 10_000m, 10_000m),
        ("overige-onkosten", 2_500m, 2_500m, 2_500m),
    ];

    /// <summary>The INKOMSTEN and UITGAVEN total rows.</summary>
    public static readonly (int Year, decimal Income, decimal Expenses)[] YearTotals =
    [
        (2022, 345_000m, 345_000m),
        (2023, 345_000m, 345_000m),
        (2024, 264_000m, 264_000m),
    ];

    /// <summary>The "Totale subsidie aanvraag" column.</summary>
    public static readonly (string Id, decimal Total)[] ApplicationTotals =
    [
        ("aanvraag-programmamanagement", 300_000m),
        ("aanvraag-school-naar-werk", 250_000m),
        ("aanvraag-werk-naar-werk", 250_000m),
    ];
}
