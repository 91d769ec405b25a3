using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace Llo.Bench.Faults;

/// <summary>
/// A partner editor's access token from the platform's own token endpoint (the demo client llo-cli, password grant,
/// as <c>./llo token partner-editor</c> does), fetched again when the inventory answers 401.
/// </summary>
internal sealed class AccessToken(HttpClient http)
{
    private const string User = "partner-editor@demo1.llo.test";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private int _generation;

    public int Fetched => _generation;

    /// <summary>The current token and its generation (pass the generation to <see cref="RenewAsync"/> after a 401).</summary>
    public async Task<(string Token, int Generation)> GetAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref _token) is { } token) return (token, Volatile.Read(ref _generation));
        await RenewAsync(-1, ct);
        return (_token!, _generation);
    }

    /// <summary>Fetches a new token unless another caller already did since <paramref name="generation"/>; retries while the platform is away.</summary>
    public async Task RenewAsync(int generation, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_token is not null && _generation != generation) return;
            var deadline = DateTimeOffset.UtcNow.AddMinutes(2);
            while (true)
            {
                try
                {
                    using var form = new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        ["grant_type"] = "password",
                        ["client_id"] = "llo-cli",
                        ["username"] = User,
                        ["password"] = "Demo-wachtwoord-1",
                        ["scope"] = "openid inventory.read inventory.write",
                    });
                    using var response = await http.PostAsync(new Uri("/connect/token", UriKind.Relative), form, ct);
                    if (response.IsSuccessStatusCode)
                    {
                        var answer = await response.Content.ReadFromJsonAsync<TokenAnswer>(ct);
                        _token = answer?.AccessToken ?? throw new InvalidOperationException("The token endpoint answered without an access token.");
                        _generation++;
                        return;
                    }
                    if (DateTimeOffset.UtcNow > deadline)
                    {
                        throw new InvalidOperationException($"No token for {User}: /connect/token answered {(int)response.StatusCode}.");
                    }
                }
                catch (HttpRequestException) when (DateTimeOffset.UtcNow <= deadline)
                {
                }
                catch (TaskCanceledException) when (!ct.IsCancellationRequested && DateTimeOffset.UtcNow <= deadline)
                {
                }
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private sealed record TokenAnswer([property: JsonPropertyName("access_token")] string? AccessToken);
}
