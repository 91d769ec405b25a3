using Google.Protobuf.WellKnownTypes;
using Llo.Contracts.Matching.V1;
using Llo.Persistence;

namespace Llo.Matching.Api.Employers;

/// <summary>An employer as <c>employers</c> holds it; <see cref="Owner"/> is its organisation, null for a programme-kept one.</summary>
public sealed record StoredEmployer(Guid Id, EmployerFields Fields, Guid? Owner, long Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt) : IVersioned
{
    public Employer ToContract() => new()
    {
        Id = Id.ToString(),
        Fields = Fields.Clone(),
        Version = Version,
        OwnerOrganisation = Owner?.ToString() ?? "",
        UpdatedAt = Timestamp.FromDateTimeOffset(UpdatedAt),
    };
}

/// <summary>A job as <c>jobs</c> holds it, under its employer.</summary>
public sealed record StoredJob(Guid Id, Guid EmployerId, JobFields Fields, long Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt) : IVersioned
{
    public Job ToContract(Taxonomy.ReadyTaxonomy ready, StoredEmployer employer)
    {
        var job = new Job
        {
            Id = Id.ToString(),
            EmployerId = EmployerId.ToString(),
            Fields = Fields.Clone(),
            Version = Version,
            OccupationLabel = ready.LabelOfOccupation(Fields.OccupationUri),
            Sector = employer.Fields.Sector,
            UpdatedAt = Timestamp.FromDateTimeOffset(UpdatedAt),
        };
        job.EssentialSkills.AddRange(Fields.EssentialSkillUris.Select(u => new SkillRef { Uri = u, Label = ready.LabelOfSkill(u) }));
        job.OptionalSkills.AddRange(Fields.OptionalSkillUris.Select(u => new SkillRef { Uri = u, Label = ready.LabelOfSkill(u) }));
        return job;
    }
}
