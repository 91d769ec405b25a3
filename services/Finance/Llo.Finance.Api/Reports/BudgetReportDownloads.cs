using Llo.Finance.Api.Access;
using Npgsql;

namespace Llo.Finance.Api.Reports;

/// <summary>
/// <c>GET /api/finance/v1/budgets/{year}/report.csv</c> and <c>.../report.xlsx</c>: the JSON report
/// (<see cref="BudgetReportService"/>) as files, with the same optional <c>version</c>. Files live outside the gRPC
/// contract; bad input still gets the one error shape (the kit answers the RpcException).
/// </summary>
public static class BudgetReportDownloads
{
    public const string CsvPath = "/api/finance/v1/budgets/{year}/report.csv";
    public const string XlsxPath = "/api/finance/v1/budgets/{year}/report.xlsx";

    public static IEndpointRouteBuilder MapBudgetReportDownloads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(CsvPath, CsvAsync)
            .WithName("DownloadBudgetReportCsv")
            .WithSummary("De begroting tegen de realisatie van een jaar als CSV voor Nederlandse Excel (';', decimale komma).")
            .Produces<byte[]>(StatusCodes.Status200OK, contentType: BudgetReportCsv.ContentType)
            .RequireAuthorization(FinancePolicies.BudgetRead);
        endpoints.MapGet(XlsxPath, XlsxAsync)
            .WithName("DownloadBudgetReportXlsx")
            .WithSummary("De begroting (alle jaren) en de realisatie van een jaar als Excel-werkmap met formules voor de totalen.")
            .Produces<byte[]>(StatusCodes.Status200OK, contentType: BudgetWorkbook.ContentType)
            .RequireAuthorization(FinancePolicies.BudgetRead);
        return endpoints;
    }

    private static async Task<IResult> CsvAsync(NpgsqlDataSource dataSource, string year, CancellationToken ct, string? version = null)
    {
        var report = await BudgetReports.LoadAsync(dataSource, year, BudgetReports.ParseVersion(version), ct);
        return Results.File(BudgetReportCsv.Write(report), BudgetReportCsv.ContentType, FileName(report, "csv"));
    }

    private static async Task<IResult> XlsxAsync(NpgsqlDataSource dataSource, string year, CancellationToken ct, string? version = null)
    {
        var report = await BudgetReports.LoadAsync(dataSource, year, BudgetReports.ParseVersion(version), ct);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var candidates = await Events.CandidateExpenseLineStore.ListAsync(connection, ct);
        return Results.File(BudgetWorkbook.Write(report, candidates), BudgetWorkbook.ContentType, FileName(report, "xlsx"));
    }

    private static string FileName(Domain.Reports.BudgetReport report, string extension) =>
        $"begroting-{report.Year}-versie-{report.Version.Number}.{extension}";
}
