using Npgsql;

namespace Llo.Identity.Api.Audit;

/// <summary>What recomputing the chain found: intact, or the first sequence number where it breaks and why.</summary>
public sealed record AuditVerdict(
    long Checked, long FirstSequence, long LastSequence, long BrokenSequence, string Problem, string Message, long WitnessedSequence = 0)
{
    public bool Intact => BrokenSequence == 0;
}

/// <summary>
/// Recomputes the chain from the anchor (the last entry the retention job removed) to the head, in one consistent
/// snapshot: every entry must follow its predecessor's sequence number, name its hash, and hash to what it stores; the
/// head must name the last entry. Every head the witness outside the database holds (<see cref="AuditWitness"/>) must be
/// in the chain with the same hash: a chain rewritten with fresh hashes, or cut off at its end, still proves itself but
/// no longer matches what was witnessed.
/// </summary>
public static class AuditVerification
{
    private const int BatchSize = 1000;

    public static Task<AuditVerdict> VerifyAsync(NpgsqlDataSource dataSource, CancellationToken ct) => VerifyAsync(dataSource, [], ct);

    /// <param name="witnessed">The witness's heads, read before the snapshot opens: each was committed before, so it is in it.</param>
    public static async Task<AuditVerdict> VerifyAsync(NpgsqlDataSource dataSource, IReadOnlyList<WitnessedHead> witnessed, CancellationToken ct)
    {
        var witnesses = witnessed.GroupBy(w => w.Sequence).ToDictionary(g => g.Key, g => g.Select(w => w.Hash).ToList());
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

                if (witnesses.TryGetValue(entry.Sequence, out var seen) && seen.Any(hash => !hash.AsSpan().SequenceEqual(entry.Hash)))
                {
                    return Broken(checkedCount, first, head, entry.Sequence, "witness",
                        $"Regel {entry.Sequence} heeft een andere hash dan buiten de database is vastgelegd: het logboek is tot en met deze regel herschreven.");
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

        var newest = witnessed.Count == 0 ? 0 : witnessed.Max(w => w.Sequence);
        if (newest > head.LastSequence)
        {
            return Broken(checkedCount, first, head, head.LastSequence + 1, "witness",
                $"Buiten de database is regel {newest} vastgelegd, maar het logboek eindigt bij regel {head.LastSequence}: er zijn regels verwijderd.");
        }

        var compared = witnessed.Where(w => w.Sequence > head.AnchorSequence).Select(w => w.Sequence).DefaultIfEmpty(0).Max();
        return new AuditVerdict(checkedCount, first, head.LastSequence, 0, "",
            compared > 0
                ? $"De keten is intact ({checkedCount} regels gecontroleerd, tot en met regel {compared} vergeleken met de getuige buiten de database)."
                : $"De keten is intact ({checkedCount} regels gecontroleerd).",
            compared);
    }

    private static AuditVerdict Broken(long checkedCount, long first, AuditLog.Head head, long sequence, string problem, string message) =>
        new(checkedCount, first, head.LastSequence, sequence, problem, message);
}
