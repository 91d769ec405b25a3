using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Grpc.Net.Client;
using Llo.Contracts.Events;
using Llo.Contracts.Common.V1;
using Llo.Contracts.Inventory.V1;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Llo.EndToEnd.Tests;

[Collection(LloPlatform.Name)]
public sealed class PlatformTests(LloAppFixture fixture)
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_app_host_boots_its_servers_services_and_gateway_healthy()
    {
        Assert.Contains("inventory", fixture.Resources);
        foreach (var resource in fixture.Resources)
        {
            Assert.True(fixture.App.ResourceNotifications.TryGetCurrentState(resource, out var current), fixture.Describe(resource));
            Assert.True(current.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy,
                fixture.Describe(resource));
        }

        // Processes mode: DCP would wait for a container runtime as soon as the model held one container.
        var model = fixture.App.Services.GetRequiredService<DistributedApplicationModel>();
        Assert.DoesNotContain(model.Resources, r => r is ContainerResource);

        using var gateway = fixture.App.CreateHttpClient("gateway", "http");
        using var timeout = new CancellationTokenSource(StepTimeout);
        var health = await gateway.GetAsync("/health", timeout.Token);
        Assert.True(health.StatusCode == HttpStatusCode.OK, $"gateway /health answered {(int)health.StatusCode}.\n{fixture.Describe("gateway")}");

        // The servers the services were given are real: both connection strings reach them.
        var messaging = await fixture.App.GetConnectionStringAsync("messaging", timeout.Token);
        Assert.StartsWith("amqp://", messaging);
        var database = await fixture.App.GetConnectionStringAsync("inventory-db", timeout.Token);
        Assert.Contains("Database=inventory", database);
    }

    [Fact]
    public async Task A_project_registered_through_the_gateway_is_found_in_Dutch_read_over_gRPC_and_announced_as_an_event()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = timeout.Token;
        await using var events = await RegisteredEvents.ListenAsync(
            await fixture.App.GetConnectionStringAsync("messaging", ct) ?? throw new InvalidOperationException("no messaging connection string"), ct);

        // Register as JSON through the gateway (the body is ProjectFields, JSON-transcoded).
        using var gateway = fixture.App.CreateHttpClient("gateway", "http");
        // Writes need an access token (issue 8): a demo partner editor's, from the identity service through the gateway.
        gateway.DefaultRequestHeaders.Authorization = new("Bearer", await DemoTokens.AccessTokenAsync(gateway, "partner-editor@demo1.llo.test", "openid inventory.read inventory.write", ct));
        var title = $"Omscholing van ondernemers en werkzoekenden in de haven {Guid.NewGuid():N}";
        var created = await gateway.PostAsJsonAsync("/api/inventory/v1/projects", new
        {
            title,
            summary = "Werk naar Werk: mensen uit krimpende banen naar de techniek.",
            focusLines = new[] { "FOCUS_LINE_WORK_TO_WORK" },
            status = "PROJECT_STATUS_PILOT",
        }, ct);
        var createdBody = await created.Content.ReadAsStringAsync(ct);
        Assert.True(created.IsSuccessStatusCode, $"POST /api/inventory/v1/projects answered {(int)created.StatusCode}: {createdBody}");
        var id = JsonDocument.Parse(createdBody).RootElement.GetProperty("project").GetProperty("id").GetString();
        Assert.False(string.IsNullOrEmpty(id), createdBody);

        // Found by a Dutch search: "ondernemer" finds "ondernemers" (earlier runs' projects may share the word: page on).
        Assert.True(await SearchFindsAsync(gateway, "ondernemer", id!, ct), $"GET /api/inventory/v1/projects?q=ondernemer did not return {id}.");

        // Read over gRPC (h2c) through the gateway's grpc endpoint.
        using var channel = GrpcChannel.ForAddress(fixture.App.GetEndpoint("gateway", "grpc"));
        var project = await new ProjectService.ProjectServiceClient(channel)
            .GetProjectAsync(new GetProjectRequest { Id = id }, deadline: DateTime.UtcNow.Add(StepTimeout), cancellationToken: ct);
        Assert.Equal(title, project.Fields.Title);
        Assert.Contains(FocusLine.WorkToWork, project.Fields.FocusLines);

        // Announced: the ProjectRegistered event reaches a consumer bound to llo.events.
        var registered = await events.WaitForAsync(evt => evt.ProjectId == Guid.Parse(id!), ct);
        Assert.Equal(title, registered.Title);
    }

    [Fact]
    public async Task Every_link_on_the_gateways_landing_page_answers()
    {
        using var gateway = fixture.App.CreateHttpClient("gateway", "http");
        using var timeout = new CancellationTokenSource(StepTimeout);
        var page = await gateway.GetStringAsync("/", timeout.Token);

        var links = System.Text.RegularExpressions.Regex.Matches(page, "href=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();

        Assert.Contains("/api/inventory/v1/openapi.json", links);
        foreach (var link in links)
        {
            using var answer = await gateway.GetAsync(link, timeout.Token);
            Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{link} answered {(int)answer.StatusCode}");
        }
    }

    private static async Task<bool> SearchFindsAsync(HttpClient gateway, string query, string id, CancellationToken ct)
    {
        var pageToken = "";
        for (var page = 0; page < 20; page++)
        {
            var response = await gateway.GetAsync(
                $"/api/inventory/v1/projects?q={Uri.EscapeDataString(query)}&pageSize=50&pageToken={Uri.EscapeDataString(pageToken)}", ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            Assert.True(response.IsSuccessStatusCode, $"search answered {(int)response.StatusCode}: {body}");
            var root = JsonDocument.Parse(body).RootElement;
            if (root.TryGetProperty("projects", out var projects)
                && projects.EnumerateArray().Any(p => p.GetProperty("id").GetString() == id))
            {
                return true;
            }
            if (!root.TryGetProperty("nextPageToken", out var next) || next.GetString() is not { Length: > 0 } token)
            {
                return false;
            }
            pageToken = token;
        }
        return false;
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return ""; // the process ended meanwhile
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }

    [Fact]
    public async Task Every_process_of_the_platform_listens_on_loopback_and_each_service_logs_in_to_its_database_with_its_own_role()
    {
        using var timeout = new CancellationTokenSource(StepTimeout);
        var state = Path.Combine(Environment.GetEnvironmentVariable("LLO_ROOT") ?? LloAppFixture.FindRepositoryRoot(), ".llo", "e2e");
        // The processes the app host started: the servers (their pid files), the broker's own epmd (its port), every
        // service and the gateway (their pids on the dashboard). The gateway's fixed ports are its own, not a proxy's.
        var pids = new HashSet<int>
        {
            int.Parse(File.ReadLines(Path.Combine(state, "postgres", "data", "postmaster.pid")).First()),
            int.Parse(File.ReadAllText(Path.Combine(state, "rabbitmq", "rabbitmq.pid")).Trim()),
        };
        // The services and the gateway run from this checkout's build output: their command lines name it.
        var root = LloAppFixture.FindRepositoryRoot();
        foreach (var process in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(process), out var id) && CommandLine(id).Contains(root, StringComparison.Ordinal))
            {
                pids.Add(id);
            }
        }
        var epmd = int.Parse(File.ReadAllText(Path.Combine(state, "rabbitmq", "epmd.port")).Trim());

        using var ss = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("ss", ["-ltnpH"]) { RedirectStandardOutput = true })!;
        var lines = (await ss.StandardOutput.ReadToEndAsync(timeout.Token)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var ours = lines.Where(line => pids.Any(pid => line.Contains($"pid={pid},", StringComparison.Ordinal))
            || line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3].EndsWith($":{epmd}", StringComparison.Ordinal)).ToList();

        Assert.Contains(ours, line => line.Contains($":{LloAppFixture.GatewayPort} ", StringComparison.Ordinal));
        Assert.Contains(ours, line => line.Contains($":{epmd} ", StringComparison.Ordinal));
        Assert.All(ours, line =>
        {
            var local = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3];
            var host = local[..local.LastIndexOf(':')].Trim('[', ']');
            Assert.True(host != "*" && IPAddress.IsLoopback(IPAddress.Parse(host)), $"not on loopback: {line}");
        });

        // The inventory's database login owns its database, and nothing more.
        var database = await fixture.App.GetConnectionStringAsync("inventory-db", timeout.Token);
        await using var connection = new Npgsql.NpgsqlConnection(database);
        await connection.OpenAsync(timeout.Token);
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT r.rolsuper, r.rolcreatedb, d.datdba = r.oid FROM pg_roles r, pg_database d WHERE r.rolname = current_user AND d.datname = current_database()",
            connection);
        await using var reader = await command.ExecuteReaderAsync(timeout.Token);
        Assert.True(await reader.ReadAsync(timeout.Token));
        Assert.False(reader.GetBoolean(0));
        Assert.False(reader.GetBoolean(1));
        Assert.True(reader.GetBoolean(2));
    }

    /// <summary>A test consumer: a private queue bound to llo.events for inventory.project-registered.</summary>
    private sealed class RegisteredEvents : IAsyncDisposable
    {
        private const string RoutingKey = "inventory.project-registered";
        private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

        private readonly IConnection _connection;
        private readonly IChannel _channel;
        private readonly Channel<ProjectRegistered> _received = Channel.CreateUnbounded<ProjectRegistered>();

        private RegisteredEvents(IConnection connection, IChannel channel)
        {
            _connection = connection;
            _channel = channel;
        }

        public static async Task<RegisteredEvents> ListenAsync(string amqpUri, CancellationToken ct)
        {
            var connection = await new ConnectionFactory { Uri = new Uri(amqpUri) }.CreateConnectionAsync(ct);
            var channel = await connection.CreateChannelAsync(cancellationToken: ct);
            var listener = new RegisteredEvents(connection, channel);
            var queue = await channel.QueueDeclareAsync(queue: "", durable: false, exclusive: true, autoDelete: true, cancellationToken: ct);
            try
            {
                await channel.QueueBindAsync(queue.QueueName, "llo.events", RoutingKey, cancellationToken: ct);
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
            {
                throw new InvalidOperationException(
                    "The exchange 'llo.events' does not exist: the inventory did not declare it when it started (AddLloMessaging).", ex);
            }
            var consumer = new AsyncEventingBasicConsumer(channel);
            consumer.ReceivedAsync += async (_, delivery) =>
            {
                if (delivery.RoutingKey == RoutingKey
                    && JsonSerializer.Deserialize<ProjectRegistered>(delivery.Body.Span, Json) is { } evt)
                {
                    await listener._received.Writer.WriteAsync(evt);
                }
            };
            await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer, ct);
            return listener;
        }

        public async Task<ProjectRegistered> WaitForAsync(Func<ProjectRegistered, bool> match, CancellationToken ct)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(StepTimeout);
            try
            {
                await foreach (var evt in _received.Reader.ReadAllAsync(timeout.Token))
                {
                    if (match(evt))
                    {
                        return evt;
                    }
                }
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
            }
            throw new TimeoutException($"No {RoutingKey} event for the project arrived within {StepTimeout.TotalSeconds} s.");
        }

        public async ValueTask DisposeAsync()
        {
            await _channel.CloseAsync();
            await _connection.CloseAsync();
            _connection.Dispose();
        }
    }
}
