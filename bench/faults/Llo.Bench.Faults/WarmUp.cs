using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Llo.Bench.Faults;

/// <summary>
/// Before the first write: the write's path (token check, overlap finder, gateway) runs for a while with reads that
/// change nothing, so no write times out only because the services are still compiling their code on first use
/// (a timed-out write is retried and, without an idempotency key, may be stored twice).
/// </summary>
internal static class WarmUp
{
    public static async Task RunAsync(HttpClient http, AccessToken tokens, TimeSpan duration, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            var (token, _) = await tokens.GetAsync(ct);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/inventory/v1/projects:findOverlaps")
            {
                Content = JsonContent.Create(new { title = "Storingsproef warm lopen", status = "PROJECT_STATUS_IDEA" }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            try
            {
                using var response = await http.SendAsync(request, ct);
                using var list = await http.GetAsync(new Uri("/api/inventory/v1/projects?pageSize=10", UriKind.Relative), ct);
            }
            catch (HttpRequestException)
            {
                await Task.Delay(500, ct);
            }
        }
    }
}
