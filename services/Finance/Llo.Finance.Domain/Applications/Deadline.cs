namespace Llo.Finance.Domain.Applications;

/// <summary>A date in an application's life, e.g. "indienen uiterlijk" or "besluit verwacht".</summary>
public sealed record Deadline(string Description, DateOnly Date);
