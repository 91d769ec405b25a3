using Grpc.Core;
using Llo.Contracts.Inventory.V1;
using Llo.Inventory.Api.Scaling;
using Llo.Inventory.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Llo.Inventory.Tests.Validation;

/// <summary>"Not in the future" means the Dutch calendar, also in the night daylight saving time starts.</summary>
public sealed class DecisionDateTests
{
    private static List<string> Violations(string decidedOn, TimeProvider time)
    {
        var violations = new FieldViolations();
        var request = new DecideScalingRequest { Decision = ScalingDecision.Approved, DecidedOn = decidedOn };
        ScalingValidator.ValidateDecision(request, DutchTime.Today(time), violations);
        try
        {
            violations.ThrowIfAny();
            return [];
        }
        catch (RpcException ex)
        {
            return [.. ApiErrors.GrpcFields(ex)];
        }
    }

    [Fact]
    public void Half_past_midnight_after_the_switch_to_summer_time_it_is_already_Monday_in_Schiedam()
    {
        // Sunday 29 March 2026, 22:30 UTC: the clocks went forward that night, so it is Monday 30 March 00:30 in the
        // Netherlands. A fixed UTC+1 would still say Sunday 23:30 and refuse a decision dated Monday.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 29, 22, 30, 0, TimeSpan.Zero));

        Assert.Empty(Violations("2026-03-30", time));
        Assert.Equal(["decidedOn"], Violations("2026-03-31", time));
    }

    [Fact]
    public void Late_on_the_evening_before_the_switch_it_is_still_Saturday()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 28, 22, 30, 0, TimeSpan.Zero));

        Assert.Empty(Violations("2026-03-28", time));
        Assert.Equal(["decidedOn"], Violations("2026-03-29", time));
    }
}
