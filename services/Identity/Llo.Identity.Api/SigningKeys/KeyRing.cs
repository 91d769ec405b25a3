using Dapper;
using Llo.Identity.Api.Oidc;
using Llo.Persistence;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Llo.Identity.Api.SigningKeys;

/// <summary>
/// The token keys in the database: the first start creates one key per use, later starts load them. A key older than
/// <see cref="KeyRingSettings.RotateAfter"/> is retired and a new one takes over; a retired key stays until
/// <see cref="KeyRingSettings.KeepRetiredFor"/> has passed. Instances agree through an advisory lock. With
/// <see cref="KeysAtRest"/> set, keys are stored encrypted, and keys stored plain before are encrypted in the same
/// transaction; keys that cannot be opened stop everything and change nothing.
/// </summary>
public sealed class KeyRing(
    NpgsqlDataSource dataSource, IOptions<KeyRingSettings> settings, TimeProvider time, ILogger<KeyRing> logger, KeysAtRest? atRest = null)
{
    private const long LockId = 0x11d_e7_1717;
    private const string Columns = "key_id, use, private_key, created_at, retired_at, encrypted";

    public static readonly string[] Uses = ["sig", "enc"];

    /// <summary>
    /// The live keys per use, newest first (the first one signs or encrypts), opened. Synchronous because OpenIddict
    /// reads its options synchronously; it runs once per options build (start and each rotation check).
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

        // Opened before anything is written: without the right secret nothing rotates, and the start stops (rollback).
        var keys = connection.Query<StoredKey>($"SELECT {Columns} FROM signing_keys", transaction: tx).Select(k => k.Opened(atRest)).ToList();
        foreach (var use in Uses)
        {
            var current = keys.Where(k => k.Use == use && k.RetiredAt is null).MaxBy(k => k.CreatedAt);
            if (current is not null && current.CreatedAt > now - ring.RotateAfter)
            {
                continue;
            }

            connection.Execute("UPDATE signing_keys SET retired_at = @now WHERE use = @use AND retired_at IS NULL", new { use, now }, tx);
            var fresh = StoredKey.Create(use, now);
            connection.Execute(
                "INSERT INTO signing_keys (key_id, use, private_key, created_at, encrypted) VALUES (@KeyId, @Use, @PrivateKey, @CreatedAt, @Encrypted)",
                atRest is null ? fresh : fresh.SealedWith(atRest), tx);
        }

        if (atRest is not null)
        {
            EncryptPlainKeys(connection, tx, atRest);
        }

        var live = connection.Query<StoredKey>(
            $"SELECT {Columns} FROM signing_keys ORDER BY use, retired_at IS NOT NULL, created_at DESC", transaction: tx)
            .Select(k => k.Opened(atRest)).ToList();
        tx.Commit();
        return live;
    }

    // An installation from before the secret was set gets its keys protected on this start, without a rotation.
    private void EncryptPlainKeys(NpgsqlConnection connection, NpgsqlTransaction tx, KeysAtRest secret)
    {
        var plain = connection.Query<StoredKey>($"SELECT {Columns} FROM signing_keys WHERE NOT encrypted", transaction: tx).AsList();
        foreach (var key in plain)
        {
            connection.Execute("UPDATE signing_keys SET private_key = @PrivateKey, encrypted = true WHERE key_id = @KeyId",
                key.SealedWith(secret), tx);
        }

        if (plain.Count > 0)
        {
            logger.LogInformation("Encrypted {Count} stored token keys with {Setting}", plain.Count, KeysAtRest.SettingName);
        }
    }
}
