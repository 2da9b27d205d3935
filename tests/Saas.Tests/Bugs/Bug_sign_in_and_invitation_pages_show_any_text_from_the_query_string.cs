using Saas.Tests.Identity;

namespace Saas.Tests.Bugs;

/// <summary>
/// Issue 10: the sign-in and invitation pages printed whatever <c>?error=</c> (or <c>?reason=</c>) said, so a link in a
/// phishing mail could make the real site tell a person to "Call +1-555-0100". Only the application's own sentences
/// are shown now, chosen by code; an unknown code shows nothing.
/// </summary>
public sealed class Bug_sign_in_and_invitation_pages_show_any_text_from_the_query_string(IdentityHost host) : IClassFixture<IdentityHost>
{
    private const string Planted = "Call +1-555-0100";

    [Theory]
    [InlineData("/account/login?error=")]
    [InlineData("/account/invitation?token=abc&error=")]
    [InlineData("/account/accept-invitation?token=abc&error=token&reason=")]
    public async Task planted_text_is_not_shown(string page)
    {
        var html = await host.Browser().GetStringAsync(page + Uri.EscapeDataString(Planted));

        Assert.DoesNotContain("555-0100", html);
    }

    [Fact]
    public async Task a_known_code_still_reads_as_its_sentence()
    {
        var html = await host.Browser().GetStringAsync("/account/login?error=invalid_credentials");

        Assert.Contains("The e-mail address or password is not correct.", html);
    }
}
