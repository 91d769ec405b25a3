using Grpc.Core;

namespace Llo.Validation.Tests;

public sealed class ResourceTests
{
    // A resource of a service other than the inventory: the block knows none of its own.
    private static readonly Resource Application = new("Aanvraag", "de", "aanvraag-id");

    [Fact]
    public void Errors_about_a_resource_name_it_in_Dutch()
    {
        var id = Guid.CreateVersion7();

        Assert.Equal($"Aanvraag {id} bestaat niet.", Application.NotFound(id).Status.Detail);
        var stale = Application.Stale(expected: 2, current: 3);
        Assert.Equal(StatusCode.Aborted, stale.StatusCode);
        Assert.StartsWith("De aanvraag is intussen gewijzigd (u had versie 2, nu is het versie 3).", stale.Status.Detail);
    }

    [Theory]
    [InlineData("")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("aanvraag-7")]
    public void An_id_that_no_row_can_have_is_a_violation_naming_the_field(string text)
    {
        var violations = new FieldViolations();

        Assert.Null(Application.ParseId(text, "applicationId", violations));

        var ex = Assert.Throws<RpcException>(violations.ThrowIfAny);
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("applicationId: Geen geldig aanvraag-id", ex.Status.Detail);
    }

    [Fact]
    public void An_update_needs_the_version_read_and_a_delete_may_skip_the_check_with_zero()
    {
        Application.RequireVersion(1);
        Application.RequireVersionOrZero(0);

        var update = Assert.Throws<RpcException>(() => Application.RequireVersion(0));
        Assert.Equal(StatusCode.InvalidArgument, update.StatusCode);
        Assert.Contains("version: Geef de versie mee zoals u de aanvraag las", update.Status.Detail);
        var delete = Assert.Throws<RpcException>(() => Application.RequireVersionOrZero(-1));
        Assert.Contains("version: De versie is 0 (niet controleren)", delete.Status.Detail);
    }
}
