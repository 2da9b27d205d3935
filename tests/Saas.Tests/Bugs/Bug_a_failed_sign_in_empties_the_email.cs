using Saas.Identity;
using Saas.Tests.Identity;
using Saas.Tests.Security;

namespace Saas.Tests.Bugs;

/// <summary>
/// Issue 10: after a wrong password the sign-in form came back empty, and the person typed their address again.
/// The form now shows the address typed (kept in a short-lived cookie of the sign-in page, not in the redirect's
/// address, so it stays out of history and logs and the redirect reads the same for every account).
/// </summary>
public sealed class Bug_a_failed_sign_in_empties_the_email(IdentityHost host) : IClassFixture<IdentityHost>
{
    [Fact]
    public async Task the_form_comes_back_with_the_address_typed()
    {
        var tenant = await host.CreateTenantAsync();
        var user = await host.CreateUserAsync(SaasRoles.Sales, tenant);
        var browser = host.Browser();

        var refused = await browser.SignInAsync(user.Email!, "not the password");
        Assert.Equal("/account/login?error=invalid_credentials", refused);
        var html = await browser.GetStringAsync(refused);

        Assert.Contains($"value=\"{user.Email}\"", html);
        Assert.Contains("The e-mail address or password is not correct.", html);
    }
}
