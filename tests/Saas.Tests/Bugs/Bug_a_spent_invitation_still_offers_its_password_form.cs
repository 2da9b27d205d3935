using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Saas.Identity;
using Saas.Identity.Users;
using Saas.Tests.Identity;

namespace Saas.Tests.Bugs;

/// <summary>
/// Issue 10: the invitation page showed its password form for any link, a used or made-up one too, and never said
/// which company or address the invitation was for, nor asked the person's name. It now looks the link up first:
/// a valid one names the company, the address and the role and asks a new person's name with the password; a
/// spent or unknown one gets a message and no form.
/// </summary>
public sealed class Bug_a_spent_invitation_still_offers_its_password_form(IdentityHost host) : IClassFixture<IdentityHost>
{
    [Fact]
    public async Task a_valid_link_names_the_company_and_asks_the_name_and_a_spent_one_offers_nothing()
    {
        var tenant = await host.CreateTenantAsync();
        var email = $"new-{IdentityHost.Unique()}@example.test";
        var ticket = await host.WithServicesAsync(sp => sp.GetRequiredService<IdentityAdministration>().InviteAsync(email, tenant.Id, SaasRoles.Warehouse));
        var browser = host.Browser();
        var link = "/account/invitation?token=" + Uri.EscapeDataString(ticket.Token);

        var open = await browser.GetStringAsync(link);
        Assert.Contains(WebUtility.HtmlEncode(tenant.Name), open);
        Assert.Contains(email, open);
        Assert.Contains("Warehouse", open);
        Assert.Contains("name=\"name\"", open);
        Assert.Contains("name=\"password\"", open);

        var noName = await IdentityHost.PostFormAsync(browser, "/account/accept-invitation", ("token", ticket.Token), ("name", " "), ("password", IdentityHost.Password));
        Assert.Equal(HttpStatusCode.Redirect, noName.StatusCode);
        Assert.Contains("error=displayName", noName.Headers.Location!.OriginalString);
        Assert.Contains("Enter your name", await browser.GetStringAsync(noName.Headers.Location));

        var accepted = await IdentityHost.PostFormAsync(browser, "/account/accept-invitation", ("token", ticket.Token), ("name", "Wendy Warehouse"), ("password", IdentityHost.Password));
        Assert.Equal("/account/login?invitation=accepted", accepted.Headers.Location!.OriginalString);
        var user = await host.WithServicesAsync(sp => sp.GetRequiredService<UserManager<SaasUser>>().FindByEmailAsync(email));
        Assert.Equal("Wendy Warehouse", user!.DisplayName);

        foreach (var spent in new[] { link, "/account/invitation?token=made-up", "/account/invitation" })
        {
            var html = await browser.GetStringAsync(spent);
            Assert.DoesNotContain("name=\"password\"", html);
            Assert.Contains("data-testid=\"invitation-error\"", html);
        }
    }
}
