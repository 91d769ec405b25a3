using Google.Protobuf.WellKnownTypes;
using Llo.Contracts.Matching.V1;
using Llo.Persistence;

namespace Llo.Matching.Api.Trainings;

/// <summary>A training offer as <c>trainings</c> holds it; <see cref="Owner"/> is the publishing organisation.</summary>
public sealed record StoredTraining(Guid Id, TrainingFields Fields, Guid? Owner, long Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt) : IVersioned
{
    public Training ToContract(Taxonomy.ReadyTaxonomy ready)
    {
        var training = new Training
        {
            Id = Id.ToString(),
            Fields = Fields.Clone(),
            Version = Version,
            OwnerOrganisation = Owner?.ToString() ?? "",
            UpdatedAt = Timestamp.FromDateTimeOffset(UpdatedAt),
        };
        training.Skills.AddRange(Fields.SkillUris.Select(u => new SkillRef { Uri = u, Label = ready.LabelOfSkill(u) }));
        return training;
    }

    public TrainingSuggestion ToSuggestion() => new()
    {
        TrainingId = Id.ToString(),
        Provider = Fields.Provider,
        Title = Fields.Title,
        Place = Fields.Place,
        DurationHours = Fields.DurationHours,
        CostCents = Fields.CostCents,
    };
}
