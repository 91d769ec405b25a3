using Google.Protobuf.Reflection;

namespace Llo.Hosting.Json;

/// <summary>Dutch wording shared by the body and query checks.</summary>
internal static class ProtoText
{
    /// <summary>The enum names transcoding reads, without the zero value that means "not given".</summary>
    public static string AcceptedNames(EnumDescriptor enumType) =>
        string.Join(", ", enumType.Values.Where(v => v.Number != 0).Select(v => v.Name));

    /// <summary>A caller's value quoted back, short and without control characters (it also ends up in gRPC trailers).</summary>
    public static string Echo(string text)
    {
        const int max = 40;
        var clean = new string(text.Where(c => !char.IsControl(c)).Take(max + 1).ToArray());
        return clean.Length > max ? string.Concat(clean.AsSpan(0, char.IsHighSurrogate(clean[max - 1]) ? max - 1 : max), "…") : clean;
    }
}
