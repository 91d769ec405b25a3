using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;

namespace Llo.Gateway.Tests;

/// <summary>The service defaults' sampler keeps the dashboard's traces about requests, not background polling.</summary>
public sealed class BackgroundWorkSamplerTests
{
    private static readonly BackgroundWorkSampler Sampler = new(new AlwaysOnSampler());

    [Fact]
    public void A_database_call_outside_any_trace_is_not_recorded()
    {
        var result = Sampler.ShouldSample(Root(ActivityKind.Client));
        Assert.Equal(SamplingDecision.Drop, result.Decision);
    }

    [Theory]
    [InlineData(ActivityKind.Server)]
    [InlineData(ActivityKind.Producer)]
    [InlineData(ActivityKind.Consumer)]
    [InlineData(ActivityKind.Internal)]
    public void Requests_messages_and_own_work_start_traces_as_before(ActivityKind kind)
    {
        var result = Sampler.ShouldSample(Root(kind));
        Assert.Equal(SamplingDecision.RecordAndSample, result.Decision);
    }

    [Fact]
    public void A_call_made_inside_a_trace_is_recorded_with_it()
    {
        var parent = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        var result = Sampler.ShouldSample(new SamplingParameters(parent, parent.TraceId, "postgresql", ActivityKind.Client));
        Assert.Equal(SamplingDecision.RecordAndSample, result.Decision);
    }

    private static SamplingParameters Root(ActivityKind kind) =>
        new(default, ActivityTraceId.CreateRandom(), "span", kind);
}
