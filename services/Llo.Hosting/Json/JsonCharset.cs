using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Llo.Hosting.Json;

/// <summary>
/// A JSON body is read as UTF-8, whatever charset its Content-Type declares: RFC 8259 makes UTF-8 the only encoding of
/// JSON between systems and gives <c>application/json</c> no charset parameter. A body that is not valid UTF-8 (one
/// written in ISO-8859-1, say) is refused rather than guessed at, so nothing is ever stored garbled; a UTF-8 body
/// that was labelled ISO-8859-1 by mistake is read as what it is. Answers are always UTF-8.
/// </summary>
internal static class JsonCharset
{
    public static RequestProblem? Problem(ReadOnlySpan<byte> json, TranscodedBody body)
    {
        if (Utf8.IsValid(json))
        {
            return null;
        }

        var field = body.Root.Length > 0 ? body.Root : "body";
        var at = FirstInvalidByte(json);
        return new RequestProblem(field,
            $"De body is geen geldige UTF-8 (byte {at + 1}). Stuur JSON altijd in UTF-8, ook als de Content-Type een andere tekenset noemt.",
            "not UTF-8", field);
    }

    private static int FirstInvalidByte(ReadOnlySpan<byte> json)
    {
        var offset = 0;
        while (Rune.DecodeFromUtf8(json[offset..], out _, out var consumed) == OperationStatus.Done)
        {
            offset += consumed;
        }

        return offset;
    }
}
