using Google.Protobuf.WellKnownTypes;

namespace Llo.Validation.Tests;

public sealed class UpdateMaskTests
{
    [Fact]
    public void The_changed_fields_are_named_as_in_the_contract_and_none_for_an_equal_value()
    {
        var stored = new Duration { Seconds = 60, Nanos = 5 };

        Assert.Empty(UpdateMask.ChangedFields(stored, stored.Clone()));
        Assert.Equal(["nanos"], UpdateMask.ChangedFields(stored, new Duration { Seconds = 60, Nanos = 6 }));
        Assert.Equal(["seconds", "nanos"], UpdateMask.ChangedFields(stored, new Duration()));
    }

    [Fact]
    public void A_mask_takes_only_the_named_fields_and_an_unknown_one_is_a_violation_naming_its_position()
    {
        var violations = new FieldViolations();

        var merged = UpdateMask.Apply(new Duration { Seconds = 60, Nanos = 5 }, new Duration { Seconds = 1, Nanos = 9 }, ["nanos", "minutes"], violations);

        Assert.Equal(new Duration { Seconds = 60, Nanos = 9 }, merged);
        Assert.Equal(1, violations.Count);
    }

    [Fact]
    public void A_mask_with_more_paths_than_the_message_has_fields_is_one_violation_and_changes_nothing()
    {
        var violations = new FieldViolations();
        var current = new Duration { Seconds = 60, Nanos = 5 };

        var merged = UpdateMask.Apply(current, new Duration { Seconds = 1, Nanos = 9 }, ["nanos", "nanos", "seconds"], violations);

        Assert.Equal(current, merged);
        Assert.Equal(1, violations.Count);
        var refused = Assert.Throws<Grpc.Core.RpcException>(violations.ThrowIfAny);
        Assert.Contains("updateMask: Hoogstens 2 velden (nu 3).", refused.Status.Detail);
    }
}
