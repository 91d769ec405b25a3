using Grpc.Core;
using Llo.Finance.Api.Applications;
using Llo.Finance.Api.Budgets;
using Llo.Finance.Api.Contributions;
using Llo.Finance.Domain;
using Llo.Finance.Domain.Reports;
using Npgsql;

namespace Llo.Finance.Api.Reports;

/// <summary>
/// Reads what a budget report needs (the version, every application, the year's contributions) and computes it; shared by the JSON report and
/// the CSV and spreadsheet downloads, so the three always agree.
/// </summary>
public static class BudgetReports
{
    /// <summary>More applications than a programme files in years; the report reads them all at once.</summary>
    public const int MaxApplications = 2000;

    public static async Task<BudgetReport> LoadAsync(NpgsqlDataSource dataSource, string yearText, int versionNumber, CancellationToken ct)
    {
        var violations = new FieldViolations();
        if (versionNumber < 0)
        {
            violations.Add("version", $"Het versienummer {versionNumber} bestaat niet: geef 1 of hoger, of laat het weg voor de laatste versie.");
        }

        violations.ThrowIfAny();
        var year = BudgetYearField.Parse(yearText);

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var budget = await LoadVersionAsync(connection, versionNumber, ct);
        if (!budget.Covers(year))
        {
            throw new RpcException(new Status(StatusCode.NotFound,
                $"Het jaar {year} valt buiten de begroting {budget.Label}: die loopt van {budget.FirstYear} tot en met {budget.LastYear}."));
        }

        var applications = await ApplicationStore.ListAsync(connection, Page.First(MaxApplications), ct);
        var contributions = await ContributionStore.YearAsync(connection, year, ct);
        try
        {
            return BudgetReport.For(budget, applications.Rows.Select(a => a.ToDomain()), contributions.Select(c => c.ToDomain()), year);
        }
        catch (FinanceRuleViolation refusal)
        {
            throw ApplicationValidator.ToRpc(refusal, "");
        }
    }

    /// <summary>The query parameter <c>version</c> of a download: absent is 0 (the latest), anything but a whole number is refused naming it.</summary>
    public static int ParseVersion(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        if (!int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            new FieldViolations().Add("version", $"Geen geldig versienummer \"{Echo.Of(text)}\": geef een heel getal, 1 of hoger.").ThrowIfAny();
        }

        return number;
    }

    /// <summary>The version asked for (0: the latest), or NOT_FOUND naming it.</summary>
    public static async Task<Domain.Budgets.BudgetVersion> LoadVersionAsync(NpgsqlConnection connection, int versionNumber, CancellationToken ct) =>
        versionNumber == 0
            ? await BudgetStore.LatestAsync(connection, ct) ?? throw new RpcException(new Status(StatusCode.NotFound, "Er is nog geen begroting gepubliceerd."))
            : await BudgetStore.FindAsync(connection, versionNumber, ct)
              ?? throw new RpcException(new Status(StatusCode.NotFound, $"Versie {versionNumber} van de begroting bestaat niet."));
}
