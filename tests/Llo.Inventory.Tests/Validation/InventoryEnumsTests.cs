using Llo.Inventory.Api.Validation;

namespace Llo.Inventory.Tests.Validation;

public sealed class InventoryEnumsTests
{
    [Fact]
    public void Every_value_of_every_mapped_enum_maps_both_ways()
    {
        var maps = EnumMap.DeclaredIn(typeof(InventoryEnums).Assembly);

        // Focus line, theme, project status, partner role, desk question status, scaling decision.
        Assert.Equal(6, maps.Count);
        Assert.All(maps, m => Assert.True(m.Map.Gaps().Count == 0, $"{m.Name}: {string.Join("; ", m.Map.Gaps())}"));
    }

    [Fact]
    public void A_missing_status_lists_the_values_the_api_accepts()
    {
        var fields = Llo.Inventory.Tests.Infrastructure.Drafts.Valid();
        fields.Status = Llo.Contracts.Inventory.V1.ProjectStatus.Unspecified;
        var violations = new FieldViolations();

        ProjectFieldsValidator.Validate(fields, "project", violations);

        var ex = Assert.Throws<Grpc.Core.RpcException>(violations.ThrowIfAny);
        Assert.Contains("PROJECT_STATUS_IDEA, PROJECT_STATUS_PILOT, PROJECT_STATUS_RUNNING", ex.Status.Detail);
        Assert.DoesNotContain("idee, pilot", ex.Status.Detail);
    }
}
