using Grpc.Core;

namespace Llo.Validation;

/// <summary>
/// A kind of thing a service keeps, named in Dutch once, so every id error, not-found and stale-version answer
/// about it says what it is about ("Geen geldig agendapunt-id", "Vraag … bestaat niet"). Each service declares its
/// own resources, e.g. <c>new Resource("Agendapunt", "het", "agendapunt-id")</c>; <paramref name="Where"/> ends the
/// not-found sentence for a resource that lives under another (" bij dit project").
/// </summary>
public sealed record Resource(string Noun, string Article, string IdName, string Where = "")
{
    /// <summary>The id as a Guid, or an InvalidArgument naming <paramref name="field"/>.</summary>
    public Guid ParseId(string text, string field = "id")
    {
        var violations = new FieldViolations();
        var id = ParseId(text, field, violations);
        violations.ThrowIfAny();
        return id ?? Guid.Empty;
    }

    /// <summary>The id, or null with the problem added to <paramref name="violations"/> (to report it with others).</summary>
    public Guid? ParseId(string text, string field, FieldViolations violations)
    {
        if (TryParseId(text) is { } id)
        {
            return id;
        }

        violations.Add(field, $"Geen geldig {IdName} \"{Echo.Of(text)}\" (verwacht een GUID).");
        return null;
    }

    /// <summary>The id, or null when <paramref name="text"/> is no GUID or the empty GUID (no row ever has it).</summary>
    public static Guid? TryParseId(string text) =>
        Guid.TryParse(text, out var id) && id != Guid.Empty ? id : null;

    /// <summary>The version an update must carry (the one the caller read, from 1), or InvalidArgument on "version".</summary>
    public void RequireVersion(long version)
    {
        if (version < 1)
        {
            new FieldViolations().Add("version", $"Geef de versie mee zoals u {Article} {Noun.ToLowerInvariant()} las (version, vanaf 1).").ThrowIfAny();
        }
    }

    /// <summary>The version a delete or archive may carry: 0 (not checked) or the one the caller read.</summary>
    public void RequireVersionOrZero(long version)
    {
        if (version < 0)
        {
            new FieldViolations().Add("version",
                $"De versie is 0 (niet controleren) of de versie zoals u {Article} {Noun.ToLowerInvariant()} las.").ThrowIfAny();
        }
    }

    public RpcException NotFound(Guid id) => new(new Status(StatusCode.NotFound, $"{Noun} {id} bestaat niet{Where}."));

    /// <summary>ABORTED (HTTP 409): the caller changed an older version than the one stored now; nothing was changed.</summary>
    public RpcException Stale(long expected, long current)
    {
        var noun = $"{Article} {Noun.ToLowerInvariant()}";
        return new RpcException(new Status(StatusCode.Aborted,
            $"{char.ToUpperInvariant(noun[0])}{noun[1..]} is intussen gewijzigd (u had versie {expected}, nu is het versie {current}). " +
            $"Haal {noun} opnieuw op en breng uw wijziging opnieuw aan."));
    }
}
