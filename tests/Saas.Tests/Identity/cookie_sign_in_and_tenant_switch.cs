using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Saas.Identity;
using static Saas.Tests.Identity.IdentityHost;

namespace Saas.Tests.Identity;

public sealed class cookie_sign_in_and_tenant_switch(IdentityHost host) : IClassFixture<IdentityHost>
{
    private static async Task<JsonElement> TenantsAsync(HttpClient browser) =>
        await browser.GetFromJsonAsync<JsonElement>("/account/tenants");

    [Fact]
    public async Task a_member_signs_in_with_the_form_and_switches_between_their_tenants_only()
    {
        var first = await host.CreateTenantAsync();
        var second = await host.CreateTenantAsync();
        var foreign = await host.CreateTenantAsync();
        var user = await host.CreateUserAsync(SaasRoles.Accountant, first, second);
        var browser = host.Browser();

        var login = await PostFormAsync(browser, "/account/login", ("email", user.Email!), ("password", Password), ("returnUrl", "/sales"));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/sales", login.Headers.Location?.OriginalString);

        var tenants = await TenantsAsync(browser);
        Assert.Equal(first.Id.ToString(), tenants.GetProperty("currentTenantId").GetString());
        Assert.Equal(2, tenants.GetProperty("tenants").GetArrayLength());

        var switched = await PostFormAsync(browser, "/account/switch-tenant", ("tenantId", second.Id.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal(second.Id.ToString(), (await TenantsAsync(browser)).GetProperty("currentTenantId").GetString());

        var refused = await PostFormAsync(browser, "/account/switch-tenant", ("tenantId", foreign.Id.ToString()));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(second.Id.ToString(), (await TenantsAsync(browser)).GetProperty("currentTenantId").GetString());

        var logout = await PostFormAsync(browser, "/account/logout");
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/account/tenants")).StatusCode);
    }

    [Fact]
    public async Task a_wrong_password_redirects_back_to_the_login_page_with_an_error_and_no_cookie()
    {
        var tenant = await host.CreateTenantAsync();
        var user = await host.CreateUserAsync(SaasRoles.Sales, tenant);
        var browser = host.Browser();

        var login = await PostFormAsync(browser, "/account/login", ("email", user.Email!), ("password", "wrong"), ("returnUrl", "https://evil.example/"));

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/account/login?error=invalid_credentials", login.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/account/tenants")).StatusCode);
    }

    [Fact]
    public async Task a_login_post_without_the_antiforgery_token_is_rejected()
    {
        var tenant = await host.CreateTenantAsync();
        var user = await host.CreateUserAsync(SaasRoles.Sales, tenant);
        var browser = host.Browser();

        var login = await browser.PostAsync("/account/login", new FormUrlEncodedContent([new("email", user.Email!), new("password", Password)]));

        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
    }

    [Fact]
    public async Task an_api_path_answers_401_to_a_browser_without_a_session_instead_of_redirecting()
    {
        var browser = host.Browser();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v2.0/companies({Guid.NewGuid()})/apiClients");
        request.Headers.Accept.ParseAdd("text/html");

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task an_invited_person_sets_a_password_once_and_signs_in()
    {
        var tenant = await host.CreateTenantAsync();
        var email = $"invitee-{Unique()}@example.test";
        var ticket = await host.WithServicesAsync(s => s.GetRequiredService<IdentityAdministration>().InviteAsync(email, tenant.Id, "warehouse"));
        Assert.True(ticket.NewUser);
        Assert.Equal(SaasRoles.Warehouse, ticket.Role);
        Assert.InRange(ticket.ExpiresUtc - DateTime.UtcNow, TimeSpan.FromDays(6.9), TimeSpan.FromDays(7));
        var browser = host.Browser();

        var weak = await PostFormAsync(browser, "/account/accept-invitation", ("token", ticket.Token), ("password", "short"));
        Assert.Contains("error=password", weak.Headers.Location?.OriginalString);

        var accepted = await PostFormAsync(browser, "/account/accept-invitation", ("token", ticket.Token), ("password", Password));
        Assert.Equal("/account/login?invitation=accepted", accepted.Headers.Location?.OriginalString);

        var again = await Assert.ThrowsAsync<IdentityValidationException>(() =>
            host.WithServicesAsync(s => s.GetRequiredService<IdentityAdministration>().AcceptInvitationAsync(ticket.Token, "another long password")));
        Assert.Equal("token", again.Field);

        var jwt = ReadToken((await RequireTokenAsync(await PostTokenAsync(host.CreateClient(), ("grant_type", "password"), ("username", email), ("password", Password)))).AccessToken);
        Assert.Equal(SaasRoles.Warehouse, jwt.GetClaim(SaasClaims.Role).Value);
    }
}
