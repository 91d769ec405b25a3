using Npgsql;

namespace Llo.AppHost.Infrastructure;

/// <summary>
/// A service's own PostgreSQL login: a role that owns the service's database (and so may migrate its schema) and
/// nothing else. It is no superuser, cannot create databases or roles, and other roles cannot connect to its
/// database (CONNECT is revoked from PUBLIC), so a service cannot read another's data.
/// </summary>
public static class DatabaseOwner
{
    /// <summary>
    /// Creates (or brings up to date) role <paramref name="role"/> with <paramref name="password"/> and database
    /// <paramref name="database"/> owned by it. A database from before this rule, with objects owned by the
    /// superuser, is handed over object by object. <paramref name="admin"/> is a superuser connection string.
    /// </summary>
    public static async Task EnsureAsync(string admin, string database, string role, string password, CancellationToken ct)
    {
        if (!IsHex(password))
        {
            // The password goes into a statement as a literal (no parameters in CREATE ROLE): only hex digits are safe.
            throw new ArgumentException("A generated password is hex digits only.", nameof(password));
        }

        await using (var connection = new NpgsqlConnection(On(admin, "postgres")))
        {
            await connection.OpenAsync(ct);
            var exists = await ScalarAsync(connection, "SELECT 1 FROM pg_roles WHERE rolname = $1", role, ct) is not null;
            var attributes = $"LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '{password}'";
            await ExecuteAsync(connection, exists
                ? $"ALTER ROLE {Quote(role)} WITH {attributes}"
                : $"CREATE ROLE {Quote(role)} WITH {attributes}", ct);

            if (await ScalarAsync(connection, "SELECT 1 FROM pg_database WHERE datname = $1", database, ct) is null)
            {
                await ExecuteAsync(connection, $"CREATE DATABASE {Quote(database)} OWNER {Quote(role)}", ct);
            }
            else
            {
                await ExecuteAsync(connection, $"ALTER DATABASE {Quote(database)} OWNER TO {Quote(role)}", ct);
            }
            await ExecuteAsync(connection, $"REVOKE ALL ON DATABASE {Quote(database)} FROM PUBLIC", ct);
        }

        await HandOverAsync(admin, database, role, ct);
    }

    // Objects a superuser created in the database before it had an owner of its own (an installation from before
    // this rule): the owner must be able to read and migrate them. Objects of extensions stay with the extension.
    private static async Task HandOverAsync(string admin, string database, string role, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(On(admin, database));
        await connection.OpenAsync(ct);
        var statements = new List<string>();
        await using (var command = new NpgsqlCommand(HandOverStatements, connection))
        {
            command.Parameters.AddWithValue(role);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                statements.Add(reader.GetString(0));
            }
        }
        foreach (var statement in statements)
        {
            await ExecuteAsync(connection, statement, ct);
        }
    }

    private const string HandOverStatements = """
        WITH user_schemas AS (
            SELECT oid, nspname, nspowner FROM pg_namespace
            WHERE nspname NOT LIKE 'pg\_%' AND nspname <> 'information_schema'),
        not_in_extension AS (
            SELECT objid, classid FROM pg_depend WHERE deptype = 'e')
        SELECT format('ALTER SCHEMA %I OWNER TO %I', s.nspname, $1)
        FROM user_schemas s JOIN pg_roles r ON r.oid = s.nspowner
        WHERE r.rolsuper AND s.nspname <> 'public'
          AND NOT EXISTS (SELECT 1 FROM not_in_extension e WHERE e.objid = s.oid AND e.classid = 'pg_namespace'::regclass)
        UNION ALL
        SELECT format('ALTER TABLE %s OWNER TO %I', c.oid::regclass, $1)
        FROM pg_class c JOIN user_schemas s ON s.oid = c.relnamespace JOIN pg_roles r ON r.oid = c.relowner
        WHERE r.rolsuper AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i', 'e'))
        UNION ALL
        SELECT format('ALTER ROUTINE %s OWNER TO %I', p.oid::regprocedure, $1)
        FROM pg_proc p JOIN user_schemas s ON s.oid = p.pronamespace JOIN pg_roles r ON r.oid = p.proowner
        WHERE r.rolsuper
          AND NOT EXISTS (SELECT 1 FROM not_in_extension e WHERE e.objid = p.oid AND e.classid = 'pg_proc'::regclass)
        UNION ALL
        SELECT format('ALTER TYPE %s OWNER TO %I', t.oid::regtype, $1)
        FROM pg_type t JOIN user_schemas s ON s.oid = t.typnamespace JOIN pg_roles r ON r.oid = t.typowner
        WHERE r.rolsuper AND t.typtype IN ('e', 'd', 'r')
          AND NOT EXISTS (SELECT 1 FROM not_in_extension e WHERE e.objid = t.oid AND e.classid = 'pg_type'::regclass)
        """;

    /// <summary>A double-quoted SQL identifier.</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string On(string connectionString, string database) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = database, Pooling = false }.ConnectionString;

    private static bool IsHex(string value) => value.Length > 0 && value.All(char.IsAsciiHexDigit);

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, string parameter, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue(parameter);
        return await command.ExecuteScalarAsync(ct);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
