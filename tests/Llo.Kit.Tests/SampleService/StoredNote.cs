using Google.Protobuf.WellKnownTypes;
using Llo.Persistence;
using V1 = Llo.Kit.Tests.SampleService.V1;

namespace Llo.Kit.Tests.SampleService;

/// <summary>A note as the <c>notes</c> table holds it (columns in constructor order, so Dapper fills it directly).</summary>
public sealed record StoredNote(Guid Id, string Title, string Body, string Topic, long Version, DateTimeOffset UpdatedAt) : IVersioned
{
    public V1.NoteFields Fields => new() { Title = Title, Body = Body, Topic = Topic };

    public StoredNote With(V1.NoteFields fields, long version, DateTimeOffset at) =>
        this with { Title = fields.Title, Body = fields.Body, Topic = fields.Topic, Version = version, UpdatedAt = at };

    public V1.Note ToContract() =>
        new() { Id = Id.ToString(), Fields = Fields, Version = Version, UpdatedAt = Timestamp.FromDateTimeOffset(UpdatedAt) };
}
