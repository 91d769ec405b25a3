using Google.Protobuf.WellKnownTypes;
using Llo.Contracts.Matching.V1;
using Llo.Persistence;

namespace Llo.Matching.Api.Workers;

/// <summary>A worker's twin as <c>workers</c> holds it: the validated fields, version and timestamps.</summary>
public sealed record StoredWorker(Guid Id, WorkerFields Fields, long Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt) : IVersioned
{
    public Guid? CoachUserId => Guid.TryParse(Fields.CoachUserId, out var id) ? id : null;

    public Guid? UserId => Guid.TryParse(Fields.UserId, out var id) ? id : null;

    /// <summary>The contract form; <paramref name="labelOf"/> fills each skill's label.</summary>
    public Worker ToContract(Func<string, string> labelOf)
    {
        var fields = Fields.Clone();
        foreach (var skill in fields.Skills)
        {
            skill.Label = labelOf(skill.Uri);
        }

        return new Worker
        {
            Id = Id.ToString(),
            Fields = fields,
            Version = Version,
            CreatedAt = Timestamp.FromDateTimeOffset(CreatedAt),
            UpdatedAt = Timestamp.FromDateTimeOffset(UpdatedAt),
        };
    }
}
