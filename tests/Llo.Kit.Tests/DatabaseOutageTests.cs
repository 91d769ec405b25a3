using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Llo.Hosting.Access;
using Llo.Kit.Tests.SampleService;
using Llo.Testing;
using Microsoft.AspNetCore.Builder;
using Npgsql;
using V1 = Llo.Kit.Tests.SampleService.V1;

namespace Llo.Kit.Tests;

/// <summary>The sample service whose database connections go through a relay the test can cut.</summary>
public sealed class KitSampleWithRelayHost() : ServiceTestHost("kitsample-db")
{
    private TcpRelay? _relay;

    public TcpRelay Relay => _relay!;

    protected override TestToken? DefaultToken => KitSampleHost.User(LloRoles.ProgrammeManager);

    protected override WebApplication Build(string[] args)
    {
        const string Key = "--ConnectionStrings:kitsample-db=";
        var direct = new NpgsqlConnectionStringBuilder(args.Single(a => a.StartsWith(Key, StringComparison.Ordinal))[Key.Length..]);
        _relay?.Dispose();
        _relay = new TcpRelay(direct.Host!, direct.Port);
        var relayed = new NpgsqlConnectionStringBuilder(direct.ConnectionString) { Host = "127.0.0.1", Port = _relay.Port };
        return KitSampleApp.Build([.. args.Select(a => a.StartsWith(Key, StringComparison.Ordinal) ? Key + relayed.ConnectionString : a)]);
    }
}

/// <summary>
/// A database outage is the platform's trouble, not the caller's mistake: the answer is 503 (gRPC Unavailable) in the one
/// error shape with a Dutch "try again", never a 500, so clients and the gateway know to retry (found by the fault suite,
/// bench/faults: a killed PostgreSQL gave 121 answers 500 "Exception was thrown by handler.").
/// </summary>
public sealed class DatabaseOutageTests(KitSampleWithRelayHost host) : IClassFixture<KitSampleWithRelayHost>
{
    [Fact]
    public async Task A_write_while_the_database_is_unreachable_is_answered_503_over_JSON_and_Unavailable_over_gRPC()
    {
        var before = await host.Json.PostAsJsonAsync("/api/kitsample/v1/notes", new { title = "Voor de storing" });
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        host.Relay.Cut();

        foreach (var title in new[] { "Tijdens de storing", "Nog steeds storing" })
        {
            var during = await host.Json.PostAsJsonAsync("/api/kitsample/v1/notes", new { title });
            var text = await during.Content.ReadAsStringAsync();
            Assert.True(during.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)during.StatusCode}: {text}");
            var error = JsonDocument.Parse(text).RootElement;
            Assert.Equal((int)StatusCode.Unavailable, error.GetProperty("code").GetInt32());
            Assert.Contains("database", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        var grpc = await Assert.ThrowsAsync<RpcException>(async () =>
            await new V1.NoteService.NoteServiceClient(host.Grpc).CreateNoteAsync(new V1.CreateNoteRequest { Note = new V1.NoteFields { Title = "Via gRPC" } }));
        Assert.Equal(StatusCode.Unavailable, grpc.StatusCode);
    }
}
