using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Llo.Bench.Faults;

/// <summary>
/// Registers <see cref="FaultSettings.Projects"/> projects through the gateway at a steady offered rate (open loop: an
/// attempt starts every 1/rate seconds whether or not the earlier ones have answered, at most
/// <see cref="FaultSettings.MaxInFlight"/> at once). A refused or unanswered write of a project is tried again a second
/// later until it is acknowledged, with the same request id each time (one per project), so a retry after an answer
/// that does not say whether the write happened (a timeout, a dropped connection, a 5xx) gets the first project back
/// instead of storing a twin. Such projects are counted as <see cref="WriteResult.Ambiguous"/>, and the report looks
/// them up by title to prove it.
/// </summary>
internal sealed class ProjectWriter(HttpClient http, AccessToken tokens, FaultSettings settings, TextWriter log)
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<string, int> _outcomes = new();
    private readonly Guid?[] _acknowledged = new Guid?[settings.Projects];
    private readonly int[] _ambiguous = new int[settings.Projects];
    private readonly Guid[] _requestIds = [.. Enumerable.Range(0, settings.Projects).Select(_ => Guid.NewGuid())];
    private readonly bool[] _rejected = new bool[settings.Projects];
    private readonly PriorityQueue<int, long> _retries = new();
    private readonly Lock _gate = new();
    private int _attempts, _inFlight, _acknowledgedCount, _skippedTicks;

    public int Attempts => Volatile.Read(ref _attempts);
    public int AcknowledgedCount => Volatile.Read(ref _acknowledgedCount);

    public static string Title(string runId, int number) => $"Storingsproef {runId} nr. {number:D4}";

    public async Task<WriteResult> RunAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var limit = TimeSpan.FromSeconds(settings.Projects / settings.Rate * 2 + 300);
        var fresh = 0;
        var running = new List<Task>();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1 / settings.Rate));
        while (AcknowledgedCount + RejectedCount() < settings.Projects && clock.Elapsed < limit && await timer.WaitForNextTickAsync(ct))
        {
            if (Volatile.Read(ref _inFlight) >= settings.MaxInFlight)
            {
                _skippedTicks++;
                continue;
            }

            int number;
            lock (_gate)
            {
                if (_retries.TryPeek(out _, out var at) && at <= clock.ElapsedMilliseconds) number = _retries.Dequeue();
                else if (fresh < settings.Projects) number = fresh++;
                else continue;
            }

            Interlocked.Increment(ref _inFlight);
            running.Add(AttemptAsync(number, clock, ct));
            running.RemoveAll(task => task.IsCompleted);
        }

        await Task.WhenAll(running);
        return new WriteResult(
            settings.Projects, Attempts, new SortedDictionary<string, int>(_outcomes, StringComparer.Ordinal),
            [.. _acknowledged], [.. _ambiguous], _skippedTicks, clock.Elapsed, RejectedCount());
    }

    private int RejectedCount()
    {
        lock (_gate) return _rejected.Count(rejected => rejected);
    }

    private async Task AttemptAsync(int number, Stopwatch clock, CancellationToken ct)
    {
        Interlocked.Increment(ref _attempts);
        string outcome;
        var retry = true;
        var unknownOutcome = false;
        try
        {
            var (token, generation) = await tokens.GetAsync(ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(settings.AttemptTimeout);
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/inventory/v1/projects?requestId={_requestIds[number]}")
            {
                Content = JsonContent.Create(new
                {
                    title = Title(settings.RunId, number),
                    summary = "Geschreven door de storingsproef terwijl broker, dienst en database om beurten uitvallen.",
                    status = "PROJECT_STATUS_IDEA",
                }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            try
            {
                using var response = await http.SendAsync(request, timeout.Token);
                var status = (int)response.StatusCode;
                outcome = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    using var answer = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(timeout.Token), cancellationToken: timeout.Token);
                    _acknowledged[number] = Guid.Parse(answer.RootElement.GetProperty("project").GetProperty("id").GetString()!);
                    Interlocked.Increment(ref _acknowledgedCount);
                    retry = false;
                }
                else
                {
                    var body = await response.Content.ReadAsStringAsync(timeout.Token);
                    Log(clock, number, outcome, body);
                    if (response.StatusCode == HttpStatusCode.Unauthorized) await tokens.RenewAsync(generation, ct);
                    // 5xx: the gateway or the service may have stored the project before it failed (a 502 after the
                    // request was forwarded, a 500 after the commit). 4xx other than 401/408/429 would be our mistake.
                    unknownOutcome = status >= 500;
                    retry = status >= 500 || status is 401 or 408 or 429;
                }
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                outcome = "timeout";
                unknownOutcome = true;
                Log(clock, number, outcome, $"no answer within {settings.AttemptTimeout.TotalSeconds:0} s");
            }
            catch (HttpRequestException ex)
            {
                outcome = $"no answer ({ex.HttpRequestError})";
                unknownOutcome = true;
                Log(clock, number, outcome, ex.Message);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }

        _outcomes.AddOrUpdate(outcome, 1, (_, count) => count + 1);
        if (unknownOutcome) Interlocked.Increment(ref _ambiguous[number]);
        lock (_gate)
        {
            if (retry) _retries.Enqueue(number, clock.ElapsedMilliseconds + (long)RetryAfter.TotalMilliseconds);
            else if (_acknowledged[number] is null) _rejected[number] = true;
        }
    }

    private void Log(Stopwatch clock, int number, string outcome, string detail)
    {
        var text = detail.ReplaceLineEndings(" ");
        var line = $"{clock.Elapsed.TotalSeconds,8:0.000}\t{number}\t{outcome}\t{text[..Math.Min(text.Length, 300)]}";
        lock (log) log.WriteLine(line);
    }
}

/// <summary>What the writer saw; <see cref="Acknowledged"/>[n] is project n's id when a write of it was acknowledged.</summary>
internal sealed record WriteResult(
    int Projects, int Attempts, IReadOnlyDictionary<string, int> Outcomes, Guid?[] Acknowledged, int[] Ambiguous,
    int SkippedTicks, TimeSpan Elapsed, int Rejected);
