namespace Llo.Gateway.Tests;

/// <summary>An echo backend and a gateway with the default settings of appsettings.json in front of it.</summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    internal EchoBackend Backend { get; private set; } = null!;
    internal GatewayServer Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Backend = await EchoBackend.StartAsync();
        Gateway = await GatewayServer.StartAsync(GatewayServer.InventoryAt(Backend.HttpUrl, Backend.GrpcUrl));
    }

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Backend.DisposeAsync();
    }
}
