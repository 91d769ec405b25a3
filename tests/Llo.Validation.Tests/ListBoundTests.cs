using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Llo.Contracts.Inventory.V1;
using Money = Llo.Contracts.Common.V1.Money;

namespace Llo.Validation.Tests;

public sealed class ListBoundTests
{
    private static BadRequest.Types.FieldViolation Single(FieldViolations violations) =>
        Assert.Single(Assert.Throws<RpcException>(violations.ThrowIfAny).GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations);

    [Fact]
    public void A_list_at_its_bound_passes_and_one_over_is_one_violation_naming_the_field_and_the_limit()
    {
        var within = new FieldViolations();
        Assert.True(ListField.Max(10, 10, "project.municipalities", "gemeenten", within));
        Assert.True(within.IsEmpty);

        var over = new FieldViolations();
        Assert.False(ListField.Max(10_000, 10, "project.municipalities", "gemeenten", over));
        var violation = Single(over);
        Assert.Equal("project.municipalities", violation.Field);
        Assert.Equal("Hoogstens 10 gemeenten (nu 10000).", violation.Description);
    }

    [Fact]
    public void A_bound_is_declared_only_on_a_list_field_that_exists()
    {
        Assert.Throws<ArgumentException>(() => ListBound.Of(FieldMask.Descriptor, "nothing", 5, "paden"));
        Assert.Throws<ArgumentException>(() => ListBound.Of(Money.Descriptor, "cents", 5, "bedragen"));
        Assert.Throws<ArgumentOutOfRangeException>(() => ListBound.Of(FieldMask.Descriptor, "paths", 0, "paden"));
    }

    [Fact]
    public void Unbounded_finds_repeated_fields_without_a_bound_at_any_depth_and_skips_googles_own_types()
    {
        var fields = ProjectFields.Descriptor;
        var lists = fields.Fields.InFieldNumberOrder().Where(f => f.IsRepeated).ToList();
        Assert.Equal(lists, ListBound.Unbounded([CreateProjectRequest.Descriptor], []).OrderBy(f => f.FieldNumber));

        var bounds = lists.Select(f => ListBound.Of(fields, f.Name, 20, "waarden")).ToList();
        Assert.Equal(["municipalities"], ListBound.Unbounded([CreateProjectRequest.Descriptor], bounds.Where(b => b.Field.Name != "municipalities")).Select(f => f.Name));
        Assert.Empty(ListBound.Unbounded([CreateProjectRequest.Descriptor], bounds));
        Assert.Empty(ListBound.Unbounded([FieldMask.Descriptor], []));
    }
}
