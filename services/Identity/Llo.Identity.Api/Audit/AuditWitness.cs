using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Llo.Identity.Api.Audit;

/// <summary>A chain head written down outside the database: the entry with this sequence number had this hash.</summary>
public sealed record WitnessedHead(long Sequence, byte[] Hash);

/// <summary>
/// A witness of the chain outside identity's database: an append-only file (<c>Identity:Audit:WitnessPath</c>) that
/// gets the chain's head (sequence and hash) whenever it moved. The hash chain alone proves that entries were not
/// changed one by one; someone who can write the database could still rewrite the whole chain from an entry on, with
/// fresh hashes, or cut off its end. The witness, which that person cannot reach through the database, catches both:
/// verification compares every head it holds with the chain (<see cref="AuditVerification"/>). One line per head:
/// <c>sequence hash-hex instant</c>; a torn last line (a crash while writing) is skipped.
/// </summary>
public sealed class AuditWitness(NpgsqlDataSource dataSource, IOptions<AuditOptions> options, TimeProvider time)
{
    private readonly SemaphoreSlim _writing = new(1, 1);

    // The sequence last written, read from the file once: the file grows by a line a minute, and the job only needs
    // to know whether the head moved. Guarded by _writing.
    private long? _lastWitnessed;

    public bool Enabled => !string.IsNullOrWhiteSpace(options.Value.WitnessPath);

    private string Path => System.IO.Path.GetFullPath(options.Value.WitnessPath!);

    /// <summary>Writes the chain's head unless the witness holds it already; the sequence witnessed (0: nothing to witness).</summary>
    public async Task<long> WitnessOnceAsync(CancellationToken ct)
    {
        if (!Enabled) return 0;
        await _writing.WaitAsync(ct);
        try
        {
            AuditLog.Head head;
            await using (var connection = await dataSource.OpenConnectionAsync(ct))
            {
                head = await AuditLog.ReadHeadAsync(connection, null, ct);
            }

            if (head.LastSequence == 0) return 0;
            _lastWitnessed ??= (await ReadAsync(ct)).LastOrDefault()?.Sequence ?? 0;
            if (_lastWitnessed == head.LastSequence) return head.LastSequence;

            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            var line = string.Create(CultureInfo.InvariantCulture,
                $"{head.LastSequence} {Convert.ToHexStringLower(head.LastHash)} {time.GetUtcNow():O}\n");
            // Append only, written through to the disk before the job says it witnessed.
            await using var file = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read, 4096, FileOptions.WriteThrough);
            await file.WriteAsync(Encoding.ASCII.GetBytes(line), ct);
            await file.FlushAsync(ct);
            _lastWitnessed = head.LastSequence;
            return head.LastSequence;
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>Every head the witness holds, in the order written; none when no witness is configured or written yet.</summary>
    public async Task<IReadOnlyList<WitnessedHead>> ReadAsync(CancellationToken ct)
    {
        if (!Enabled || !File.Exists(Path)) return [];
        var heads = new List<WitnessedHead>();
        foreach (var line in await File.ReadAllLinesAsync(Path, Encoding.ASCII, ct))
        {
            var parts = line.Split(' ');
            if (parts.Length == 3 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
                && parts[1].Length == 64 && parts[1].All(char.IsAsciiHexDigitLower))
            {
                heads.Add(new WitnessedHead(sequence, Convert.FromHexString(parts[1])));
            }
        }

        return heads;
    }
}
