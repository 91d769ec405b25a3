using Npgsql;

namespace Llo.Identity.Api.Audit;

/// <summary>What recomputing the chain found: intact, or the first sequence number where it breaks and why.</summary>
public sealed record AuditVerdict(long Checked, long FirstSequence, long LastSequence, long BrokenSequence, string Problem, string Message)
{
    public bool Intact => BrokenSequence == 0;
}

/// <summary>
/// Recomputes the chain from the anchor (the last entry the retention job removed) to the head, in one consistent
/// snapshot: every entry must follow its predecessor's sequence number, name its hash, and hash to what it stores; the
/// head must name the last entry.
/// </summary>
public static class AuditVerification
{
    private const int BatchSize = 1000;

    public static async Task<AuditVerdict> VerifyAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        // One snapshot: appends that commit meanwhile are neither half seen nor mistaken for a broken head.
        await using var tx = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        var head = await AuditLog.ReadHeadAsync(connection, tx, ct);
        var expectedSequence = head.AnchorSequence + 1;
        var expectedPrevious = head.AnchorHash;
        long checkedCount = 0;
        long first = 0;
        while (true)
        {
            var batch = await AuditLog.ChainAsync(connection, tx, expectedSequence - 1, BatchSize, ct);
            foreach (var entry in batch)
            {
                if (first == 0) first = entry.Sequence;
                if (entry.Sequence != expectedSequence)
                {
                    return Broken(checkedCount, first, head, expectedSequence, "missing",
                        $"Regel {expectedSequence} ontbreekt: na regel {expectedSequence - 1} volgt regel {entry.Sequence}.");
                }

                if (!entry.PreviousHash.AsSpan().SequenceEqual(expectedPrevious))
                {
                    return Broken(checkedCount, first, head, entry.Sequence, "relinked",
                        $"Regel {entry.Sequence} verwijst niet naar de hash van regel {entry.Sequence - 1}: een eerdere regel is gewijzigd, verwijderd of vervangen.");
                }

                if (!AuditChain.Hash(entry, entry.PreviousHash).AsSpan().SequenceEqual(entry.Hash))
                {
                    return Broken(checkedCount, first, head, entry.Sequence, "changed",
                        $"De inhoud van regel {entry.Sequence} is gewijzigd: de hash klopt niet meer.");
                }

                checkedCount++;
                expectedPrevious = entry.Hash;
                expectedSequence++;
            }

            if (batch.Count < BatchSize) break;
        }

        if (head.LastSequence != expectedSequence - 1)
        {
            return Broken(checkedCount, first, head, expectedSequence, "missing",
                $"Regel {expectedSequence} ontbreekt: het logboek eindigt volgens de kop bij regel {head.LastSequence}.");
        }

        if (!head.LastHash.AsSpan().SequenceEqual(expectedPrevious))
        {
            return Broken(checkedCount, first, head, head.LastSequence, "head",
                $"De kop van het logboek noemt een andere hash dan regel {head.LastSequence} heeft.");
        }

        return new AuditVerdict(checkedCount, first, head.LastSequence, 0, "", $"De keten is intact ({checkedCount} regels gecontroleerd).");
    }

    private static AuditVerdict Broken(long checkedCount, long first, AuditLog.Head head, long sequence, string problem, string message) =>
        new(checkedCount, first, head.LastSequence, sequence, problem, message);
}
