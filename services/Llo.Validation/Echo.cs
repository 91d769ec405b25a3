namespace Llo.Validation;

/// <summary>
/// Input quoted back in an error message, cut short: a megabyte of "id" must not come back in a gRPC trailer
/// (which a client refuses beyond its header limit) or a log line.
/// </summary>
public static class Echo
{
    public const int MaxLength = 60;

    public static string Of(string text)
    {
        if (text.Length <= MaxLength)
        {
            return text;
        }

        // Never cut a surrogate pair in two: half a character cannot be encoded in the answer.
        var length = char.IsHighSurrogate(text[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
        return string.Concat(text.AsSpan(0, length), "…");
    }
}
