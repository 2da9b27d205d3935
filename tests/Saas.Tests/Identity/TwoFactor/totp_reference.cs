namespace Saas.Tests.Identity.TwoFactor;

public sealed class totp_reference
{
    [Fact]
    public void the_test_helper_matches_the_rfc_6238_test_vector() =>
        // RFC 6238 Appendix B: SHA1, key "12345678901234567890", T = 59 s → 94287082.
        Assert.Equal("94287082", Totp.Code("12345678901234567890"u8.ToArray(), 59 / 30, digits: 8));
}
