using V1 = Llo.Kit.Tests.SampleService.V1;

namespace Llo.Kit.Tests.SampleService;

/// <summary>Checks a note's fields and returns them trimmed, or fails with every problem named by its JSON field.</summary>
public static class NoteValidator
{
    public static V1.NoteFields Validate(V1.NoteFields? fields, FieldViolations violations)
    {
        if (fields is null)
        {
            violations.Add("note", "De notitie ontbreekt.").ThrowIfAny();
        }

        var valid = new V1.NoteFields
        {
            Title = TextField.Check(fields!.Title, "note.title", "De titel", 200, required: true, violations),
            Body = TextField.Check(fields.Body, "note.body", "De tekst", 4000, required: false, violations),
            Topic = TextField.Check(fields.Topic, "note.topic", "Het onderwerp", 100, required: false, violations),
        };
        violations.ThrowIfAny();
        return valid;
    }
}
