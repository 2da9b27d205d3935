using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Saas.Identity;
using Saas.Tests.Hosting;
using Saas.Tests.Tenants;
using static Saas.Tests.Identity.IdentityHost;

namespace Saas.Tests.People;

/// <summary>
/// Issue 9: a reseller onboarded a company with the e-mail of an existing Contoso employee as its administrator;
/// the membership existed at once, so a password grant or cookie sign-in with <c>tenant=&lt;new&gt;</c> succeeded,
/// and while Contoso was suspended a plain sign-in landed the person in the reseller's company. The membership
/// must start only when that person accepts, as themselves.
/// </summary>
public abstract class Bug_reseller_made_an_existing_person_administrator_without_consent<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SaasFactory
{
    private const string Sam = "sam@contoso.example";

    [Fact]
    public async Task the_invited_company_stays_closed_until_the_person_accepts_as_themselves()
    {
        var paul = await factory.SignedInAsync("paul@northwind.example");
        var company = await paul.OnboardAsync(factory, "consent", adminEmail: Sam);

        // Password grant and cookie sign-in asking for the new company: refused, the person is not a member.
        var grant = await TokenAsync(Sam, SaasFactory.DemoPassword, company.Identifier);
        Assert.Equal(HttpStatusCode.BadRequest, grant.StatusCode);
        Assert.Contains("invalid_grant", await grant.Content.ReadAsStringAsync());
        var cookie = await CookieSignInAsync(Sam, SaasFactory.DemoPassword, company.Identifier);
        Assert.Contains("error=not_member", cookie.Headers.Location?.OriginalString);

        // Own company suspended: a plain sign-in must not fall back to the reseller's company.
        var olga = await factory.SignedInAsync("olga@operator.example");
        var contoso = (await (await olga.GetAsync($"{Onboarding.Route}?search=contoso")).ReadJsonAsync()).GetProperty("value")[0].GetProperty("id").GetGuid();
        (await olga.PostAsync($"{Onboarding.Route}/{contoso}/suspend", null)).EnsureSuccessStatusCode();
        try
        {
            var plain = await TokenAsync(Sam, SaasFactory.DemoPassword, tenant: null);
            Assert.Equal(HttpStatusCode.BadRequest, plain.StatusCode);
            Assert.DoesNotContain(company.Id.ToString(), await plain.Content.ReadAsStringAsync());
            var plainCookie = await CookieSignInAsync(Sam, SaasFactory.DemoPassword, tenant: null);
            Assert.Contains("error=tenant_suspended", plainCookie.Headers.Location?.OriginalString);
        }
        finally
        {
            (await olga.PostAsync($"{Onboarding.Route}/{contoso}/reactivate", null)).EnsureSuccessStatusCode();
        }

        // Someone else holding the link (here: the reseller's own session or a wrong password) cannot accept for Sam.
        var stranger = await CookieBrowserAsync("pia@contoso.example", SaasFactory.DemoPassword);
        var foreign = await PostFormAsync(stranger, "/account/accept-invitation", ("token", company.InvitationToken), ("password", ""));
        Assert.Contains("error=token", foreign.Headers.Location?.OriginalString);
        var guessed = await PostFormAsync(Browser(), "/account/accept-invitation", ("token", company.InvitationToken), ("password", "not Sam's password"));
        Assert.Contains("error=password", guessed.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.BadRequest, (await TokenAsync(Sam, SaasFactory.DemoPassword, company.Identifier)).StatusCode);

        // Sam, signed in as himself, accepts: from now on the company is his to enter, as Administrator.
        var sam = await CookieBrowserAsync(Sam, SaasFactory.DemoPassword);
        var accepted = await PostFormAsync(sam, "/account/accept-invitation", ("token", company.InvitationToken), ("password", ""));
        Assert.Equal("/account/login?invitation=accepted", accepted.Headers.Location?.OriginalString);
        var token = await TokenAsync(Sam, SaasFactory.DemoPassword, company.Identifier);
        var body = JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement;
        Assert.True(token.IsSuccessStatusCode, body.ToString());
        Assert.Equal(SaasRoles.Administrator, ReadToken(body.GetProperty("access_token").GetString()!).GetClaim(SaasClaims.Role).Value);

        // The link is one-time.
        var replay = await PostFormAsync(sam, "/account/accept-invitation", ("token", company.InvitationToken), ("password", ""));
        Assert.Contains("error=token", replay.Headers.Location?.OriginalString);
    }

    private HttpClient Browser() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private async Task<HttpClient> CookieBrowserAsync(string email, string password)
    {
        var browser = Browser();
        var signedIn = await PostFormAsync(browser, "/account/login", ("email", email), ("password", password));
        Assert.Equal("/", signedIn.Headers.Location?.OriginalString);
        return browser;
    }

    private async Task<HttpResponseMessage> CookieSignInAsync(string email, string password, string? tenant) =>
        tenant is null
            ? await PostFormAsync(Browser(), "/account/login", ("email", email), ("password", password))
            : await PostFormAsync(Browser(), "/account/login", ("email", email), ("password", password), ("tenant", tenant));

    private Task<HttpResponseMessage> TokenAsync(string email, string password, string? tenant) =>
        tenant is null
            ? PostTokenAsync(factory.CreateClient(), ("grant_type", "password"), ("username", email), ("password", password))
            : PostTokenAsync(factory.CreateClient(), ("grant_type", "password"), ("username", email), ("password", password), ("tenant", tenant));
}

public sealed class Bug_reseller_made_an_existing_person_administrator_without_consent_on_sqlite(SaasFactory factory)
    : Bug_reseller_made_an_existing_person_administrator_without_consent<SaasFactory>(factory);

public sealed class Bug_reseller_made_an_existing_person_administrator_without_consent_on_postgres(PostgresSaasFactory factory)
    : Bug_reseller_made_an_existing_person_administrator_without_consent<PostgresSaasFactory>(factory);
