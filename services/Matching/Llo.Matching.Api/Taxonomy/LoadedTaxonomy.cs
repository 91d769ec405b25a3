using Grpc.Core;

namespace Llo.Matching.Api.Taxonomy;

/// <summary>
/// The taxonomy once <see cref="TaxonomyLoading"/> has built it. A request before that waits briefly, then gets
/// Unavailable (503) in the one error shape, so a caller retries instead of seeing a 500.
/// </summary>
public sealed class LoadedTaxonomy
{
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(2);

    private readonly TaskCompletionSource<ReadyTaxonomy> ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool failed;

    public bool IsReady => ready.Task.IsCompletedSuccessfully;

    public void Loaded(ReadyTaxonomy taxonomy) => ready.TrySetResult(taxonomy);

    /// <summary>Loading failed: requests keep getting 503 (the log says why) rather than waiting for nothing.</summary>
    public void Failed() => failed = true;

    public async Task<ReadyTaxonomy> WhenReadyAsync(CancellationToken ct, TimeSpan? wait = null)
    {
        if (ready.Task.IsCompletedSuccessfully)
        {
            return ready.Task.Result;
        }

        if (!failed)
        {
            try
            {
                return await ready.Task.WaitAsync(wait ?? DefaultWait, ct);
            }
            catch (TimeoutException)
            {
                // Still loading: answered below.
            }
        }

        throw new RpcException(new Status(StatusCode.Unavailable, failed
            ? "De vaardighedenlijst (ESCO) kon niet worden geladen; de beheerder is gewaarschuwd."
            : "De vaardighedenlijst (ESCO) wordt nog geladen; probeer het over een minuut opnieuw."));
    }
}
