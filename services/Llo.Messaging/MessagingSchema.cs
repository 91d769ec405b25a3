using System.Reflection;
using Llo.Persistence;
using Npgsql;

namespace Llo.Messaging;

/// <summary>
/// The tables messaging keeps in a service's own database, as embedded <c>Schema/*.sql</c> scripts journaled with the
/// service's own (pass <see cref="Assembly"/> to <c>AddLloSchema</c>).
/// </summary>
public static class MessagingSchema
{
    /// <summary>The assembly whose <c>Schema/*.sql</c> scripts create the outbox and inbox.</summary>
    public static Assembly Assembly => typeof(MessagingSchema).Assembly;

    /// <summary>Applies the messaging scripts only (for hosts and tests without a service schema); safe to call concurrently.</summary>
    public static Task EnsureAsync(NpgsqlDataSource ds, CancellationToken ct = default) =>
        SchemaRunner.ApplyAsync(ds, SchemaScript.Embedded(Assembly, qualified: true), ct: ct);
}
