using Llo.Contracts.Matching.V1;

namespace Llo.Matching.Api.Validation;

/// <summary>The upper bound of every list a request can carry, declared once (a test walks the requests for any without).</summary>
public static class MatchingLists
{
    public static readonly ListBound WorkerSkills = ListBound.Of(WorkerFields.Descriptor, "skills", 100, "vaardigheden");
    public static readonly ListBound WorkerOccupations = ListBound.Of(WorkerFields.Descriptor, "occupation_uris", 20, "beroepen");
    public static readonly ListBound Talents = ListBound.Of(WorkerFields.Descriptor, "talents", 20, "talenten");
    public static readonly ListBound PreferredSectors = ListBound.Of(WorkerPreferences.Descriptor, "sectors", 7, "sectoren");
    public static readonly ListBound Locations = ListBound.Of(EmployerFields.Descriptor, "locations", 10, "vestigingen");
    public static readonly ListBound EssentialSkills = ListBound.Of(JobFields.Descriptor, "essential_skill_uris", 50, "vaardigheden");
    public static readonly ListBound OptionalSkills = ListBound.Of(JobFields.Descriptor, "optional_skill_uris", 50, "vaardigheden");
    public static readonly ListBound Tasks = ListBound.Of(JobFields.Descriptor, "tasks", 20, "taken");
    public static readonly ListBound TaskSkills = ListBound.Of(JobTask.Descriptor, "skill_uris", 30, "vaardigheden");
    public static readonly ListBound TrainingSkills = ListBound.Of(TrainingFields.Descriptor, "skill_uris", 30, "vaardigheden");

    public static readonly IReadOnlyList<ListBound> All =
        [WorkerSkills, WorkerOccupations, Talents, PreferredSectors, Locations, EssentialSkills, OptionalSkills, Tasks, TaskSkills, TrainingSkills];
}
