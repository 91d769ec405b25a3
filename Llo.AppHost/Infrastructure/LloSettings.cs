namespace Llo.AppHost.Infrastructure;

/// <summary>
/// Ports, binaries and the state directory of the Processes mode, from configuration
/// (Llo:Ports:Postgres, Llo:Ports:RabbitMq, Llo:StateDirectory, ...) so a test run and a
/// developer's ./llo run never share a port or a data directory.
/// </summary>
internal sealed record LloSettings(
    int PostgresPort,
    int RabbitMqPort,
    int RabbitMqDistPort,
    int RabbitMqEpmdPort,
    string StateDirectory,
    string PostgresBin,
    string RabbitMqBin)
{
    public static LloSettings From(IDistributedApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var repositoryRoot = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));
        var rabbitPort = config.GetValue("Llo:Ports:RabbitMq", 5673);
        var distPort = config.GetValue("Llo:Ports:RabbitMqDist", rabbitPort + 20000 <= 65535 ? rabbitPort + 20000 : rabbitPort + 1);
        return new LloSettings(
            PostgresPort: config.GetValue("Llo:Ports:Postgres", 5433),
            RabbitMqPort: rabbitPort,
            // Erlang distribution: 25673 beside the default 5673, the next port when +20000 would not fit.
            RabbitMqDistPort: distPort,
            // The node's own epmd, on loopback: the machine's shared one (port 4369) may listen on every address.
            RabbitMqEpmdPort: config.GetValue("Llo:Ports:RabbitMqEpmd", distPort + 1),
            StateDirectory: Path.GetFullPath(config["Llo:StateDirectory"] ?? Path.Combine(repositoryRoot, ".llo"), repositoryRoot),
            PostgresBin: config["Llo:PostgresBin"] ?? "/usr/lib/postgresql/15/bin",
            RabbitMqBin: config["Llo:RabbitMqBin"] ?? "/usr/lib/rabbitmq/bin");
    }
}
