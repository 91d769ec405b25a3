using Microsoft.Extensions.Options;
using OpenIddict.Server;

namespace Llo.Identity.Api.SigningKeys;

/// <summary>
/// Builds OpenIddict's options (and so loads the <see cref="KeyRing"/>) when the service starts, then drops them every
/// <see cref="KeyRingSettings.CheckEvery"/>, so the next request builds them again through <see cref="KeyRingOptions"/>:
/// a due key rotates, and keys another instance created are picked up.
/// </summary>
public sealed class KeyRingRefresh(
    IOptionsMonitor<OpenIddictServerOptions> options,
    IOptionsMonitorCache<OpenIddictServerOptions> server,
    IOptions<KeyRingSettings> settings,
    TimeProvider time) : BackgroundService
{
    /// <summary>
    /// Loads the ring before the service takes requests: keys it cannot open (a missing or wrong
    /// <c>Identity:Keys:AtRestKey</c>) stop the start here, and plain keys are encrypted now, not at the first token.
    /// Registered after the schema, so its table is there.
    /// </summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _ = options.CurrentValue;
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.Value.CheckEvery, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            server.TryRemove(Options.DefaultName);
        }
    }
}
