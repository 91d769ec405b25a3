using System.Diagnostics;
using Grpc.Core;
using Llo.GrpcClients.Tests.Probe;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Llo.GrpcClients.Tests;

public sealed class GrpcClientTests
{
    [Fact]
    public async Task A_call_without_a_deadline_gets_the_default_one()
    {
        await using var server = await ProbeServer.StartAsync();
        using var caller = new CallerHost(server, options => options.Deadline = TimeSpan.FromSeconds(7));

        var arrival = await caller.Client.GetNoteAsync(new GetNoteRequest { Id = "1" });

        Assert.InRange(arrival.DeadlineInSeconds, 5, 7);
    }

    [Fact]
    public async Task A_slow_service_ends_the_call_at_the_deadline()
    {
        await using var server = await ProbeServer.StartAsync();
        server.Calls.Delay = TimeSpan.FromSeconds(10);
        using var caller = new CallerHost(server, options => options.Deadline = TimeSpan.FromMilliseconds(500));

        var clock = Stopwatch.StartNew();
        var failure = await Assert.ThrowsAsync<RpcException>(async () => await caller.Client.GetNoteAsync(new GetNoteRequest { Id = "1" }));

        Assert.Equal(StatusCode.DeadlineExceeded, failure.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"the call took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_deadline_the_caller_sets_is_kept()
    {
        await using var server = await ProbeServer.StartAsync();
        using var caller = new CallerHost(server);

        var arrival = await caller.Client.GetNoteAsync(new GetNoteRequest { Id = "1" }, deadline: DateTime.UtcNow.AddSeconds(30));

        Assert.InRange(arrival.DeadlineInSeconds, 25, 30);
    }

    [Fact]
    public async Task The_correlation_id_of_the_request_being_served_and_its_trace_go_with_the_call()
    {
        await using var server = await ProbeServer.StartAsync();
        using var caller = new CallerHost(server);
        caller.Services.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext
        {
            Request = { Headers = { ["X-Correlation-Id"] = "order-4711_retry.2" } },
        };
        using var source = new ActivitySource("Llo.GrpcClients.Tests");
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == source.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        using var request = source.StartActivity("serving a request", ActivityKind.Server)!;

        var arrival = await caller.Client.GetNoteAsync(new GetNoteRequest { Id = "1" });

        Assert.Equal("order-4711_retry.2", arrival.CorrelationId);
        Assert.Contains(request.TraceId.ToHexString(), arrival.Traceparent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Work_outside_a_request_sends_its_trace_id_as_the_correlation_id()
    {
        await using var server = await ProbeServer.StartAsync();
        using var caller = new CallerHost(server);
        using var source = new ActivitySource("Llo.GrpcClients.Tests.Background");
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == source.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        using var work = source.StartActivity("handling a message", ActivityKind.Consumer)!;

        var arrival = await caller.Client.GetNoteAsync(new GetNoteRequest { Id = "1" });

        Assert.Equal(work.TraceId.ToHexString(), arrival.CorrelationId);
    }

    [Fact]
    public async Task A_read_is_retried_while_the_service_is_unavailable()
    {
        await using var server = await ProbeServer.StartAsync();
        server.Calls.FailFirst = 2;
        using var caller = new CallerHost(server);

        var arrival = await caller.Client.GetNoteAsync(new GetNoteRequest { Id = "1" });

        Assert.Equal(3, arrival.Attempt);
    }

    [Fact]
    public async Task A_write_is_not_retried()
    {
        await using var server = await ProbeServer.StartAsync();
        server.Calls.FailFirst = 1;
        using var caller = new CallerHost(server);

        var failure = await Assert.ThrowsAsync<RpcException>(async () => await caller.Client.CreateNoteAsync(new CreateNoteRequest { Text = "x" }));

        Assert.Equal(StatusCode.Unavailable, failure.StatusCode);
        Assert.Equal(1, server.Calls.Attempts);
    }

    [Fact]
    public async Task A_write_named_as_safe_to_repeat_is_retried()
    {
        await using var server = await ProbeServer.StartAsync();
        server.Calls.FailFirst = 1;
        using var caller = new CallerHost(server, options => options.RetryAlso.Add("CreateNote"));

        var arrival = await caller.Client.CreateNoteAsync(new CreateNoteRequest { Text = "x" });

        Assert.Equal(2, arrival.Attempt);
    }

    [Fact]
    public void Naming_a_method_the_service_does_not_have_is_refused()
    {
        var services = new ServiceCollection();

        var refused = Assert.Throws<ArgumentException>(() =>
            services.AddLloGrpcClient<ProbeService.ProbeServiceClient>("probe", options => options.RetryAlso.Add("CreateNotes")));

        Assert.Contains("CreateNotes", refused.Message, StringComparison.Ordinal);
    }
}
