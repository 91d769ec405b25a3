using System.Net.Http.Headers;
using ClosedXML.Excel;
using Llo.Finance.Api.Imports;
using Llo.Finance.Api.Reports;
using Llo.Finance.Tests.Infrastructure;

namespace Llo.Finance.Tests.Imports;

/// <summary>Workbooks to import: the service's own export, changed the way a treasurer would, and the request that sends one.</summary>
public static class ImportRequests
{
    public const string Path = BudgetImportEndpoint.Path;

    /// <summary>The export of <paramref name="year"/> as the programme manager downloads it.</summary>
    public static async Task<byte[]> ExportAsync(FinanceHost host, int year = 2022, int? version = null)
    {
        var response = await host.Json.GetAsync($"/api/finance/v1/budgets/{year}/report.xlsx" + (version is { } v ? $"?version={v}" : ""));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>The workbook after <paramref name="edit"/> on its sheet "Begroting".</summary>
    public static byte[] Edited(byte[] workbook, Action<IXLWorksheet> edit)
    {
        using var book = new XLWorkbook(new MemoryStream(workbook));
        edit(book.Worksheet(BudgetSheet.Name));
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>The row of the line with <paramref name="id"/> on "Begroting".</summary>
    public static int RowOf(IXLWorksheet sheet, string id) =>
        sheet.RowsUsed().Single(r => r.Cell(BudgetSheet.IdColumn).GetString() == id).RowNumber();

    public static HttpRequestMessage Import(byte[] workbook) => new(HttpMethod.Post, Path)
    {
        Content = new ByteArrayContent(workbook) { Headers = { ContentType = new MediaTypeHeaderValue(BudgetWorkbook.ContentType) } },
    };
}
