namespace Llo.Finance.Domain.Planning;

/// <summary>A named "what if": a set of changes to the income or the plans, compared with the baseline side by side.</summary>
public sealed record Scenario(string Name, IReadOnlyList<ScenarioChange> Changes);

/// <summary>One assumption of a scenario. It changes the forecast only, never the application or contribution itself.</summary>
public abstract record ScenarioChange;

/// <summary>The application brings nothing (rejected, or a grant taken back).</summary>
public sealed record ApplicationRejected(string ApplicationId) : ScenarioChange;

/// <summary>Every application the funder decides on, alone or jointly, brings nothing ("BZK wijst af").</summary>
public sealed record FunderRejects(string Funder) : ScenarioChange;

/// <summary>The application is granted for a share of what it asks (1 = in full), so that money counts as secured.</summary>
public sealed record ApplicationGranted(string ApplicationId, decimal Share = 1m) : ScenarioChange;

/// <summary>The partner pays nothing more than it already paid ("een gemeente draagt niet bij").</summary>
public sealed record PartnerDoesNotContribute(string Partner) : ScenarioChange;

/// <summary>The expense line is not carried out (postponed), so it needs no money.</summary>
public sealed record ExpenseLineDropped(string ExpenseLineId) : ScenarioChange;

/// <summary>
/// The funder demands another own share in this scenario (every year), or none at all when <see cref="RequiredOwnShare"/>
/// is null: its stored rules, and any rule the request gives, give way to this one.
/// </summary>
public sealed record CoFinancingRuleChanged(string Funder, decimal? RequiredOwnShare) : ScenarioChange;
