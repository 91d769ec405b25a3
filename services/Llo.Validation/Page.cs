
namespace Llo.Validation;

/// <summary>How many rows a list returns by default and at most.</summary>
public sealed record PageLimits(int Default, int Max);

/// <summary>
/// One page of a list as the caller asked for it: the validated page size, and the offset from an opaque page token
/// that is bound to the list's query (see <see cref="PageToken"/>). Shared by every list of every service.
/// </summary>
public sealed class Page
{
    private readonly byte[] _fingerprint;

    private Page(int offset, int size, byte[] fingerprint)
    {
        Offset = offset;
        Size = size;
        _fingerprint = fingerprint;
    }

    public int Offset { get; }

    public int Size { get; }

    /// <summary>The first <paramref name="size"/> rows, for a list that is not paged by its caller (the .ics export).</summary>
    public static Page First(int size) => new(0, size, PageToken.Fingerprint());

    /// <summary>
    /// The page, with problems added to <paramref name="violations"/>. <paramref name="query"/> is everything that
    /// defines the result list (filters, search text, order), not the page size.
    /// </summary>
    public static Page Parse(int pageSize, string pageToken, PageLimits limits, FieldViolations violations, params string?[] query)
    {
        var size = pageSize == 0 ? limits.Default : pageSize;
        if (size < 1 || size > limits.Max)
        {
            violations.Add("pageSize", $"De paginagrootte ligt tussen 1 en {limits.Max} (standaard {limits.Default}).");
        }

        var fingerprint = PageToken.Fingerprint(query);
        var offset = 0;
        if (pageToken.Length > 0 && !PageToken.TryDecode(pageToken, fingerprint, out offset))
        {
            violations.Add("pageToken",
                "Deze pageToken hoort niet bij deze lijst (andere filters, zoektekst of sortering) of is beschadigd. Begin opnieuw zonder pageToken.");
        }

        return new Page(offset, Math.Clamp(size, 1, limits.Max), fingerprint);
    }

    /// <summary>The token of the page after this one, or "" when this one reaches the end.</summary>
    public string NextToken(int returned, int total) =>
        (long)Offset + returned < total ? PageToken.Encode(Offset + returned, _fingerprint) : "";
}
