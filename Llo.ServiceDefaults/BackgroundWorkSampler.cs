using System.Diagnostics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Drops outgoing calls that start a trace of their own: a database or HTTP call made by background work
/// (the outbox relay polling every 250 ms, schema checks) rather than on behalf of a request or a message.
/// Those spans belong to nothing and would bury the real traffic on the dashboard. Everything else goes
/// to <paramref name="inner"/>; calls made inside a request or a message's trace are decided by their parent.
/// </summary>
public sealed class BackgroundWorkSampler(Sampler inner) : Sampler
{
    private static readonly SamplingResult Drop = new(SamplingDecision.Drop);

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters.Kind == ActivityKind.Client && samplingParameters.ParentContext.TraceId == default
            ? Drop
            : inner.ShouldSample(samplingParameters);
}
