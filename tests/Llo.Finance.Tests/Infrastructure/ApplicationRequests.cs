using System.Text;
using System.Text.Json;

namespace Llo.Finance.Tests.Infrastructure;

/// <summary>Funding-application requests as a web front end sends them (JSON), and a fresh draft made by the host's programme manager.</summary>
public static class ApplicationRequests
{
    public const string ApplicationsPath = "/api/finance/v1/applications";

    public static HttpRequestMessage Json(HttpMethod method, string path, object body) => new(method, path)
    {
        Content = new StringContent(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), Encoding.UTF8, "application/json"),
    };

    public static object Draft(string title = "Aanvraag opschaling techniekpilot", long cents = 2_500_000) => new
    {
        title,
        funders = new[] { "Provincie Zuid-Holland" },
        leadApplicant = "Albeda",
        requested = new[] { new { year = 2023, amount = new { cents = cents.ToString(System.Globalization.CultureInfo.InvariantCulture) } } },
        probabilityPercent = 60,
    };

    public static HttpRequestMessage Create(object? draft = null) => Json(HttpMethod.Post, ApplicationsPath, draft ?? Draft());

    public static HttpRequestMessage Move(string id, long version, string status, object[]? granted = null) =>
        Json(HttpMethod.Post, $"{ApplicationsPath}/{id}:move", granted is null ? new { version, status } : new { version, status, granted });

    /// <summary>The id of a new draft registered by the host's default caller (the programme manager).</summary>
    public static async Task<string> NewDraftAsync(FinanceHost host) =>
        (await FinanceHost.BodyAsync(await host.Json.SendAsync(Create()))).GetProperty("id").GetString()!;
}
