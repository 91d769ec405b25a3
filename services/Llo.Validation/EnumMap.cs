using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using Google.Protobuf.Reflection;

namespace Llo.Validation;

/// <summary>
/// A contract enum and its domain twin, paired once. Declare each map as a static readonly field; a test finds them all
/// with <see cref="DeclaredIn"/> and checks <see cref="Gaps"/>, so a value added on one side only fails a test
/// instead of a request.
/// </summary>
public abstract class EnumMap
{
    /// <summary>Every value without a partner on the other side, described for a test failure; empty when complete.</summary>
    public abstract IReadOnlyList<string> Gaps();

    /// <summary>The maps declared as static fields of the types in <paramref name="assembly"/>.</summary>
    public static IReadOnlyList<(string Name, EnumMap Map)> DeclaredIn(Assembly assembly) =>
    [
        .. from type in assembly.GetTypes()
           from field in type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
           where typeof(EnumMap).IsAssignableFrom(field.FieldType)
           let map = (EnumMap?)field.GetValue(null)
           where map is not null
           select ($"{type.Name}.{field.Name}", map),
    ];
}

/// <summary>
/// Pairs values by name: the contract's generated C# name (FOCUS_LINE_SCHOOL_TO_WORK becomes SchoolToWork) equals the
/// domain's. The contract's zero value means "not given" and has no partner.
/// </summary>
public sealed class EnumMap<TContract, TDomain> : EnumMap
    where TContract : struct, Enum
    where TDomain : struct, Enum
{
    private readonly FrozenDictionary<TContract, TDomain> _toDomain;
    private readonly FrozenDictionary<TDomain, TContract> _toContract;
    private readonly FrozenDictionary<string, TDomain> _byText;

    public EnumMap()
    {
        var domainByName = Enum.GetValues<TDomain>().ToDictionary(d => d.ToString());
        var pairs = Enum.GetValues<TContract>()
            .Where(c => !IsUnspecified(c) && domainByName.ContainsKey(c.ToString()))
            .Select(c => (Contract: c, Domain: domainByName[c.ToString()]))
            .ToList();
        _toDomain = pairs.ToFrozenDictionary(p => p.Contract, p => p.Domain);
        _toContract = pairs.ToFrozenDictionary(p => p.Domain, p => p.Contract);
        Choices = string.Join(", ", _toDomain.Keys.Order().Select(WireName));

        // "FOCUS_LINE_" from FOCUS_LINE_UNSPECIFIED: a query string may leave the prefix off.
        var prefix = WireName(default).EndsWith("UNSPECIFIED", StringComparison.Ordinal) ? WireName(default)[..^"UNSPECIFIED".Length] : "";
        _byText = pairs
            .SelectMany(p => new[]
            {
                (Text: WireName(p.Contract), p.Domain),
                (Text: WireName(p.Contract).StartsWith(prefix, StringComparison.Ordinal) ? WireName(p.Contract)[prefix.Length..] : "", p.Domain),
                (Text: p.Contract.ToString(), p.Domain),
                (Text: Convert.ToInt64(p.Contract, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture), p.Domain),
            })
            .Select(t => (Text: WithoutUnderscores(t.Text), t.Domain))
            .Where(t => t.Text.Length > 0)
            .DistinctBy(t => t.Text, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(t => t.Text, t => t.Domain, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The accepted values as a JSON caller writes them ("FOCUS_LINE_SCHOOL_TO_WORK, …"), for error messages.</summary>
    public string Choices { get; }

    public static bool IsUnspecified(TContract value) => Convert.ToInt64(value, CultureInfo.InvariantCulture) == 0;

    public TContract ToContract(TDomain value) =>
        _toContract.TryGetValue(value, out var contract)
            ? contract
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"{typeof(TDomain).Name} has no {typeof(TContract).Name}.");

    public TContract ToContract(TDomain? value) => value is { } known ? ToContract(known) : default;

    /// <summary>The domain value, or null for the zero value and for a number the contract does not define.</summary>
    public TDomain? ToDomain(TContract value) => _toDomain.TryGetValue(value, out var domain) ? domain : null;

    /// <summary>
    /// A value as a query string may write it: the JSON name ("FOCUS_LINE_SCHOOL_TO_WORK"), that name without its prefix in
    /// any case ("school_to_work"), the C# name ("SchoolToWork") or the number. Null for anything else and for the zero value.
    /// </summary>
    public TDomain? Parse(string text) => _byText.TryGetValue(WithoutUnderscores(text.Trim()), out var domain) ? domain : null;

    /// <summary>Null when not given; a number that is not a value becomes a violation naming the choices.</summary>
    public TDomain? Optional(TContract value, string field, string label, FieldViolations violations)
    {
        if (IsUnspecified(value))
        {
            return null;
        }

        var domain = ToDomain(value);
        if (domain is null)
        {
            violations.Add(field, $"Onbekende {label}. Kies uit: {Choices}.");
        }

        return domain;
    }

    /// <summary>Like <see cref="Optional"/>, and "not given" is a violation too.</summary>
    public TDomain? Required(TContract value, string field, string label, FieldViolations violations)
    {
        if (IsUnspecified(value))
        {
            violations.Add(field, $"Kies een {label}: {Choices}.");
            return null;
        }

        return Optional(value, field, label, violations);
    }

    public override IReadOnlyList<string> Gaps() =>
    [
        .. Enum.GetValues<TContract>().Where(c => !IsUnspecified(c) && !_toDomain.ContainsKey(c))
            .Select(c => $"{typeof(TContract).FullName}.{c} has no {typeof(TDomain).FullName}"),
        .. Enum.GetValues<TDomain>().Where(d => !_toContract.ContainsKey(d))
            .Select(d => $"{typeof(TDomain).FullName}.{d} has no {typeof(TContract).FullName}"),
    ];

    private static string WithoutUnderscores(string text) => text.Replace("_", "", StringComparison.Ordinal);

    // The proto name is what JSON transcoding reads and writes; a plain C# enum has only its own name.
    private static string WireName(TContract value) =>
        typeof(TContract).GetField(value.ToString())?.GetCustomAttribute<OriginalNameAttribute>()?.Name ?? value.ToString();
}
