using Llo.Matching.Domain.Decisions;

namespace Llo.Matching.Domain.Tests;

/// <summary>The coach's decision rules: recommended → proposed or rejected, proposed → accepted or rejected, then final.</summary>
public sealed class MatchDecisionTests
{
    [Theory]
    [InlineData(MatchStatus.Recommended, MatchStatus.Proposed)]
    [InlineData(MatchStatus.Recommended, MatchStatus.Rejected)]
    [InlineData(MatchStatus.Proposed, MatchStatus.Accepted)]
    [InlineData(MatchStatus.Proposed, MatchStatus.Rejected)]
    public void Allowed_steps_pass(MatchStatus from, MatchStatus to) => Assert.Null(MatchDecision.Refusal(from, to, "reden"));

    [Theory]
    [InlineData(MatchStatus.Recommended, MatchStatus.Accepted, "eerst")]
    [InlineData(MatchStatus.Accepted, MatchStatus.Rejected, "al besloten")]
    [InlineData(MatchStatus.Rejected, MatchStatus.Proposed, "al besloten")]
    [InlineData(MatchStatus.Proposed, MatchStatus.Proposed, "al voorgesteld")]
    [InlineData(MatchStatus.Proposed, MatchStatus.Recommended, "voorstellen")]
    public void Forbidden_steps_say_why_in_Dutch(MatchStatus from, MatchStatus to, string reason) =>
        Assert.Contains(reason, MatchDecision.Refusal(from, to, "reden"));

    [Fact]
    public void A_rejection_needs_a_reason() => Assert.Contains("reden", MatchDecision.Refusal(MatchStatus.Recommended, MatchStatus.Rejected, " "));
}
