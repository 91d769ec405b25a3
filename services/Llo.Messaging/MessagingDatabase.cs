using Npgsql;

namespace Llo.Messaging;

/// <summary>The service database that holds the outbox and the inbox (set by UseOutbox).</summary>
internal sealed record MessagingDatabase(NpgsqlDataSource DataSource);
