namespace Llo.Testing;

/// <summary>
/// Where the real servers that <c>./llo test</c> started for this run are.
/// The test script exports these variables; a test run without them fails loudly rather than skipping.
/// </summary>
public static class TestServers
{
    /// <summary>Npgsql connection string of a superuser on the test PostgreSQL cluster.</summary>
    public static string PostgresAdmin => Required("LLO_TEST_POSTGRES");

    /// <summary>AMQP URI of the test RabbitMQ node, as its administrator (there is no guest).</summary>
    public static string RabbitMq => Required("LLO_TEST_RABBITMQ");

    /// <summary>Erlang node name of the test RabbitMQ, for <c>rabbitmqctl -n</c>.</summary>
    public static string RabbitMqNode => Required("LLO_TEST_RABBITMQ_NODE");

    /// <summary>Directory of the test PostgreSQL (its data in data/, the postmaster's pid in data/postmaster.pid).</summary>
    public static string PostgresDirectory => Required("LLO_TEST_POSTGRES_DIR");

    /// <summary>Directory of the test RabbitMQ node (its pid in rabbitmq.pid, its epmd port in epmd.port).</summary>
    public static string RabbitMqDirectory => Required("LLO_TEST_RABBITMQ_DIR");

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set: run the tests with './llo test', which starts PostgreSQL and RabbitMQ for them.");
}
