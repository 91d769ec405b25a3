using Llo.Finance.Api.Access;
using Llo.Finance.Api.Budgets;
using Llo.Finance.Api.Reports;
using Npgsql;

namespace Llo.Finance.Api.Imports;

/// <summary>
/// <c>POST /api/finance/v1/budgetVersions:import</c>: publishes a new budget version from a workbook in the export's
/// layout (<see cref="BudgetWorkbookReader"/>), sent as the body or as the file of a multipart form. The service's
/// request-size limit applies as to every body (413 when over it). All lines are checked before anything is stored;
/// one refused line refuses the import. The earlier versions stay readable (<c>?version=N</c> on the reports).
/// </summary>
public static class BudgetImportEndpoint
{
    public const string Path = "/api/finance/v1/budgetVersions:import";

    public static IEndpointRouteBuilder MapBudgetImport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, ImportAsync)
            .WithName("ImportBudgetVersion")
            .WithSummary("Publiceert een nieuwe begrotingsversie uit een Excel-werkmap in de opmaak van de export (blad 'Begroting').")
            .WithDescription("De werkmap als body (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet) of als bestand in multipart/form-data. " +
                             "Elke geweigerde regel wordt met rij en reden genoemd; bij één fout wordt niets opgeslagen.")
            .Accepts<byte[]>(BudgetWorkbook.ContentType, "application/octet-stream", "multipart/form-data")
            .Produces(StatusCodes.Status201Created)
            .RequireAuthorization(FinancePolicies.BudgetImport)
            .DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> ImportAsync(HttpRequest request, NpgsqlDataSource dataSource, TimeProvider time, ILoggerFactory logs, CancellationToken ct)
    {
        var file = await BodyAsync(request, ct);

        // Parse and check the whole workbook before the transaction: a refused import holds no lock and writes nothing.
        BudgetWorkbookReader.Read(file, 1);

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var number = await BudgetStore.LockNextNumberAsync(tx, ct);
        var version = BudgetWorkbookReader.Read(file, number);
        await BudgetStore.PublishAsync(tx, version, StoredTime.Now(time), ct);
        await tx.CommitAsync(ct);
        logs.CreateLogger(typeof(BudgetImportEndpoint)).LogInformation(
            "Budget version {Number} imported: {Income} income and {Expense} expense lines", number, version.IncomeLines.Count, version.ExpenseLines.Count);

        return Results.Json(new
        {
            version = new
            {
                number = version.Number,
                label = version.Label,
                date = version.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                firstYear = version.FirstYear,
                lastYear = version.LastYear,
            },
            incomeLines = version.IncomeLines.Count,
            expenseLines = version.ExpenseLines.Count,
        }, statusCode: StatusCodes.Status201Created);
    }

    /// <summary>The workbook's bytes: the first file of a form, or the body itself. Kestrel stops a body over the limit.</summary>
    private static async Task<byte[]> BodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            if (form.Files.Count == 0)
            {
                new FieldViolations().Add(BudgetWorkbookReader.FileField, "Het formulier bevat geen bestand; voeg de Excel-werkmap (.xlsx) toe.").ThrowIfAny();
            }

            await using var upload = form.Files[0].OpenReadStream();
            using var copy = new MemoryStream();
            await upload.CopyToAsync(copy, ct);
            return copy.ToArray();
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, ct);
        return body.ToArray();
    }
}
