using Llo.Validation;

namespace Llo.Validation.Tests;

public sealed class PageTokenTests
{
    [Fact]
    public void A_token_round_trips_its_offset_for_the_same_query()
    {
        var fingerprint = PageToken.Fingerprint("ondernemer", "focus=WorkToWork");
        var token = PageToken.Encode(40, fingerprint);

        Assert.True(PageToken.TryDecode(token, PageToken.Fingerprint("ondernemer", "focus=WorkToWork"), out var offset));
        Assert.Equal(40, offset);
        Assert.DoesNotContain(token, c => c is '+' or '/' or '=');
    }

    [Fact]
    public void A_token_made_for_another_query_is_refused()
    {
        var token = PageToken.Encode(20, PageToken.Fingerprint("ondernemer"));
        Assert.False(PageToken.TryDecode(token, PageToken.Fingerprint("campus"), out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a token")]
    [InlineData("AAAA")]
    public void A_malformed_token_is_refused(string token) =>
        Assert.False(PageToken.TryDecode(token, PageToken.Fingerprint("x"), out _));

    [Fact]
    public void A_token_written_before_the_shared_block_still_reads()
    {
        // The inventory's own encoder: base64 with the url-safe alphabet by hand and the padding cut off.
        var bytes = new byte[12];
        bytes[3] = 60;
        PageToken.Fingerprint("ondernemer").CopyTo(bytes, 4);
        var before = Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        Assert.True(PageToken.TryDecode(before, PageToken.Fingerprint("ondernemer"), out var offset));
        Assert.Equal(60, offset);
        Assert.Equal(before, PageToken.Encode(60, PageToken.Fingerprint("ondernemer")));
    }
}
