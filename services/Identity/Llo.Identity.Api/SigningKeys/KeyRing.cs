using Dapper;
using Llo.Persistence;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Llo.Identity.Api.SigningKeys;

/// <summary>
/// The token keys in the database: the first start creates one key per use, later starts load them. A key older than
/// <see cref="KeyRingSettings.RotateAfter"/> is retired and a new one takes over; a retired key stays until
/// <see cref="KeyRingSettings.KeepRetiredFor"/> has passed. Instances agree through an advisory lock.
/// </summary>
public sealed class KeyRing(NpgsqlDataSource dataSource, IOptions<KeyRingSettings> settings, TimeProvider time)
{
    private const long LockId = 0x11d_e7_1717;

    public static readonly string[] Uses = ["sig", "enc"];

    /// <summary>
    /// The live keys per use, newest first (the first one signs or encrypts). Synchronous because OpenIddict reads its
    /// options synchronously; it runs once per options build (start and each rotation check).
    /// </summary>
    public IReadOnlyList<StoredKey> LoadOrRotate()
    {
        Rows.Configure();
        var now = StoredTime.Now(time);
        var ring = settings.Value;
        using var connection = dataSource.OpenConnection();
        using var tx = connection.BeginTransaction();
        connection.Execute("SELECT pg_advisory_xact_lock(@LockId)", new { LockId }, tx);
        connection.Execute("DELETE FROM signing_keys WHERE retired_at < @cutoff", new { cutoff = now - ring.KeepRetiredFor }, tx);

        foreach (var use in Uses)
        {
            var current = connection.QueryFirstOrDefault<StoredKey>(
                "SELECT key_id, use, private_key, created_at, retired_at FROM signing_keys WHERE use = @use AND retired_at IS NULL ORDER BY created_at DESC LIMIT 1",
                new { use }, tx);
            if (current is not null && current.CreatedAt > now - ring.RotateAfter)
            {
                continue;
            }

            connection.Execute("UPDATE signing_keys SET retired_at = @now WHERE use = @use AND retired_at IS NULL", new { use, now }, tx);
            var fresh = StoredKey.Create(use, now);
            connection.Execute(
                "INSERT INTO signing_keys (key_id, use, private_key, created_at) VALUES (@KeyId, @Use, @PrivateKey, @CreatedAt)", fresh, tx);
        }

        var keys = connection.Query<StoredKey>(
            "SELECT key_id, use, private_key, created_at, retired_at FROM signing_keys ORDER BY use, retired_at IS NOT NULL, created_at DESC",
            transaction: tx).AsList();
        tx.Commit();
        return keys;
    }
}
