using Llo.AppHost.Infrastructure;
using Llo.Testing;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Llo.Infrastructure.Tests;

/// <summary>The broker logins the app host imports (Processes mode), on the test RabbitMQ.</summary>
public sealed class BrokerAccountsTests : IAsyncLifetime
{
    private readonly string _service = "itest" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _other = "itest" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _password = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
    private string _definitions = "";

    public async Task InitializeAsync()
    {
        // The node reads the file as the rabbitmq account: a temporary file it may read.
        _definitions = Path.Combine(Path.GetTempPath(), $"llo-definitions-{_service}.json");
        await File.WriteAllTextAsync(_definitions, BrokerAccounts.Definitions(
        [
            new BrokerAccount(_service, _password),
            new BrokerAccount(_other, _password),
        ]));
        File.SetUnixFileMode(_definitions, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        await TestRabbitMqCtl.RunAsync("import_definitions", _definitions);
        await WaitUntilAsync(async () => (await TestRabbitMqCtl.RunAsync("list_users", "--quiet")).Contains(_other, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_service_may_use_its_own_queues_and_the_shared_exchanges_but_not_another_services_queues()
    {
        await using var connection = await ConnectWhenTheBrokerRunsAsync(_service, _password);

        await using (var channel = await connection.CreateChannelAsync())
        {
            await channel.ExchangeDeclareAsync("llo.events", ExchangeType.Topic, durable: true);
            await channel.QueueDeclareAsync($"{_service}.project-registered", durable: true, exclusive: false, autoDelete: false,
                new Dictionary<string, object?> { ["x-dead-letter-exchange"] = "llo.dead" });
            await channel.QueueBindAsync($"{_service}.project-registered", "llo.events", "inventory.project-registered.v1");
            await channel.BasicPublishAsync("llo.events", "inventory.project-registered.v1", "{}"u8.ToArray());
            await channel.BasicPublishAsync("", $"{_service}.project-registered", "{}"u8.ToArray());
            await channel.QueueDeleteAsync($"{_service}.project-registered");
        }

        await using var refused = await connection.CreateChannelAsync();
        var error = await Assert.ThrowsAsync<OperationInterruptedException>(() =>
            refused.QueueDeclareAsync($"{_other}.project-registered", durable: true, exclusive: false, autoDelete: false));
        Assert.Equal(Constants.AccessRefused, (int?)error.ShutdownReason?.ReplyCode);
    }

    [Fact]
    public async Task There_is_no_guest_login()
    {
        await Assert.ThrowsAsync<BrokerUnreachableException>(() => ConnectAsync("guest", "guest"));
        Assert.DoesNotContain("guest", await TestRabbitMqCtl.RunAsync("list_users", "--quiet"));
    }

    /// <summary>A login that should succeed, retried for up to a minute in case the broker is slow to take the imported user.</summary>
    private static async Task<IConnection> ConnectWhenTheBrokerRunsAsync(string user, string password)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            try
            {
                return await ConnectAsync(user, password);
            }
            catch (BrokerUnreachableException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(500);
            }
        }
    }

    private static Task<IConnection> ConnectAsync(string user, string password) =>
        new ConnectionFactory
        {
            Uri = new Uri(TestServers.RabbitMq),
            UserName = user,
            Password = password,
            AutomaticRecoveryEnabled = false,
        }.CreateConnectionAsync();

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        // import_definitions returns before the import has finished.
        for (var attempt = 0; attempt < 50 && !await condition(); attempt++)
        {
            await Task.Delay(200);
        }
    }

    public async Task DisposeAsync()
    {
        File.Delete(_definitions);
        await TestRabbitMqCtl.RunAsync("delete_user", _service);
        await TestRabbitMqCtl.RunAsync("delete_user", _other);
    }
}
