using System.Text.Json;

namespace Llo.Identity.Api.Consents;

/// <summary>A purpose of optional sharing that a person can consent to; <see cref="Version"/> is the version of its text.</summary>
public sealed record ConsentPurpose(string Code, int Version, string Title, string Description);

/// <summary>The purposes, read once from the embedded <c>Consents/Data/purposes.json</c>.</summary>
public static class ConsentPurposes
{
    public static readonly IReadOnlyList<ConsentPurpose> All = Load();

    private static readonly Dictionary<string, ConsentPurpose> ByCode = All.ToDictionary(p => p.Code, StringComparer.Ordinal);

    public static ConsentPurpose? Find(string code) => ByCode.GetValueOrDefault(code);

    /// <summary>The purpose, or null with a violation on <paramref name="field"/> listing the codes.</summary>
    public static ConsentPurpose? Check(string code, string field, FieldViolations violations)
    {
        var purpose = Find(code.Trim());
        if (purpose is null)
        {
            violations.Add(field, code.Trim().Length == 0
                ? $"Kies een doel: {string.Join(", ", ByCode.Keys)}."
                : $"Onbekend doel \"{Echo.Of(code)}\"; kies uit {string.Join(", ", ByCode.Keys)}.");
        }

        return purpose;
    }

    private static List<ConsentPurpose> Load()
    {
        using var stream = typeof(ConsentPurposes).Assembly.GetManifestResourceStream("Llo.Identity.Api.Consents.purposes.json")
            ?? throw new InvalidOperationException("The consent purposes (Consents/Data/purposes.json) are not embedded.");
        return JsonSerializer.Deserialize<List<ConsentPurpose>>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException("Consents/Data/purposes.json holds no list.");
    }
}
