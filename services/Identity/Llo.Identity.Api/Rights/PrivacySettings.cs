namespace Llo.Identity.Api.Rights;

/// <summary>
/// <c>Llo:Privacy:Services</c>: the services that hold personal data and must answer every request (the app host sets
/// it from its model: each service declared with <c>.HoldsPersonalData()</c>). Identity itself is always expected first.
/// </summary>
public sealed class PrivacySettings
{
    public const string SectionName = "Llo:Privacy";

    public string[] Services { get; set; } = [];

    /// <summary>Identity first, then each configured service once.</summary>
    public string[] Expected() =>
        [IdentityPersonalData.Service, .. Services.Select(s => s.Trim()).Where(s => s.Length > 0 && s != IdentityPersonalData.Service).Distinct()];
}
