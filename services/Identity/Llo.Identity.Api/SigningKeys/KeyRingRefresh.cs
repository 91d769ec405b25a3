using Microsoft.Extensions.Options;
using OpenIddict.Server;

namespace Llo.Identity.Api.SigningKeys;

/// <summary>
/// Drops OpenIddict's cached options every <see cref="KeyRingSettings.CheckEvery"/>, so the next request builds them
/// again through <see cref="KeyRingOptions"/>: a due key rotates, and keys another instance created are picked up.
/// </summary>
public sealed class KeyRingRefresh(
    IOptionsMonitorCache<OpenIddictServerOptions> server,
    IOptions<KeyRingSettings> settings,
    TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.Value.CheckEvery, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            server.TryRemove(Options.DefaultName);
        }
    }
}
