using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saas.Identity;
using Saas.Identity.Storage;
using Saas.Identity.Users;
using Saas.Tenancy.Catalog;
using static Saas.Tests.Identity.IdentityHost;

namespace Saas.Tests.Identity.TwoFactor;

/// <summary>
/// Two-factor sign-in (ADR 014) through the real pages and endpoints: setting it up with an authenticator key, the
/// second step of a sign-in, replayed and wrong codes, recovery codes, and a company that requires it.
/// </summary>
public sealed partial class two_factor_sign_in(IdentityHost host) : IClassFixture<IdentityHost>
{
    [Fact]
    public async Task a_person_sets_it_up_and_then_signs_in_with_password_and_code()
    {
        var tenant = await host.CreateTenantAsync();
        var user = await host.CreateUserAsync(SaasRoles.Sales, tenant);
        var browser = await SignedInAsync(user);

        var (key, recoveryCodes) = await EnrollAsync(browser, Totp.StepNow);
        Assert.Equal(10, recoveryCodes.Count);
        Assert.True((await UserAsync(user)).TwoFactorEnabled);

        var next = host.Browser();
        var login = await PostFormAsync(next, "/account/login", ("email", user.Email!), ("password", Password), ("returnUrl", "/items"));
        Assert.Equal("/account/two-factor", login.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await next.GetAsync("/account/tenants")).StatusCode);

        var wrong = await PostCodeAsync(next, "000000" == Totp.Code(key, Totp.StepNow) ? "111111" : "000000");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("That code is not right", await wrong.Content.ReadAsStringAsync());

        var code = Totp.Code(key, Totp.StepNow + 1);
        var right = await PostCodeAsync(next, code);
        Assert.Equal("/items", LocalPath(right));
        var tenants = await next.GetFromJsonAsync<System.Text.Json.JsonElement>("/account/tenants");
        Assert.Equal(tenant.Id.ToString(), tenants.GetProperty("currentTenantId").GetString());

        // The same code a second time (seen over a shoulder) is refused, even within its 30 seconds.
        var replay = host.Browser();
        await PostFormAsync(replay, "/account/login", ("email", user.Email!), ("password", Password));
        Assert.Contains("That code is not right", await (await PostCodeAsync(replay, code)).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await replay.GetAsync("/account/tenants")).StatusCode);
    }

    [Fact]
    public async Task a_recovery_code_signs_in_once_and_is_stored_only_as_a_hash()
    {
        var tenant = await host.CreateTenantAsync();
        var user = await host.CreateUserAsync(SaasRoles.Sales, tenant);
        var (_, recoveryCodes) = await EnrollAsync(await SignedInAsync(user), Totp.StepNow);

        var stored = await host.WithServicesAsync(services => services.GetRequiredService<IdentityDb>().UserTokens.AsNoTracking()
            .Where(t => t.UserId == user.Id).Select(t => t.Value ?? "").ToListAsync());
        Assert.DoesNotContain(stored, value => recoveryCodes.Any(code => value.Contains(code, StringComparison.OrdinalIgnoreCase)));

        var first = host.Browser();
        await PostFormAsync(first, "/account/login", ("email", user.Email!), ("password", Password));
        Assert.Equal("/", LocalPath(await PostCodeAsync(first, recoveryCodes[3].ToLowerInvariant())));

        var second = host.Browser();
        await PostFormAsync(second, "/account/login", ("email", user.Email!), ("password", Password));
        Assert.Contains("That code is not right", await (await PostCodeAsync(second, recoveryCodes[3])).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task wrong_codes_lock_the_account_like_wrong_passwords()
    {
        var tenant = await host.CreateTenantAsync();
        var user = await host.CreateUserAsync(SaasRoles.Sales, tenant);
        var (key, _) = await EnrollAsync(await SignedInAsync(user), Totp.StepNow);
        var valid = Enumerable.Range(-1, 3).Select(d => Totp.Code(key, Totp.StepNow + d)).ToHashSet();
        var wrongCode = Enumerable.Range(0, 1000).Select(i => i.ToString("D6")).First(c => !valid.Contains(c));

        var browser = host.Browser();
        await PostFormAsync(browser, "/account/login", ("email", user.Email!), ("password", Password));
        HttpResponseMessage last = null!;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            last = await PostCodeAsync(browser, wrongCode);
        }

        Assert.Equal("/account/login?error=locked_out", LocalPath(last));
        Assert.True((await UserAsync(user)).LockoutEnd > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task the_halfway_cookie_opens_nothing_but_the_two_factor_pages()
    {
        var tenant = await host.CreateTenantAsync();
        var user = await host.CreateUserAsync(SaasRoles.Administrator, tenant);
        await EnrollAsync(await SignedInAsync(user), Totp.StepNow);

        var browser = host.Browser();
        await PostFormAsync(browser, "/account/login", ("email", user.Email!), ("password", Password));

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/account/tenants")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync($"/api/v2.0/companies({tenant.Id})/signInPolicy")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/two-factor")).StatusCode);

        // An enrolled person's key is never shown again, not even to the person halfway through signing in.
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/account/two-factor/qr.svg")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Browser().GetAsync("/account/two-factor/qr.svg")).StatusCode);
    }

    [Fact]
    public async Task a_company_that_requires_it_sends_its_people_to_set_it_up_and_refuses_password_grants()
    {
        var tenant = await host.CreateTenantAsync();
        var other = await host.CreateTenantAsync();
        var admin = await host.CreateUserAsync(SaasRoles.Administrator, tenant);
        var member = await host.CreateUserAsync(SaasRoles.Sales, tenant, other);
        var adminBrowser = await SignedInAsync(admin);

        var set = await adminBrowser.PutAsJsonAsync($"/api/v2.0/companies({tenant.Id})/signInPolicy", new { requireTwoFactor = true });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.True((await host.WithServicesAsync(s => s.GetRequiredService<TenantCatalog>().FindByIdAsync(tenant.Id)))!.RequireTwoFactor);

        // Password alone no longer opens the company, by token either.
        var grant = await PostTokenAsync(host.CreateClient(), ("grant_type", "password"), ("username", member.Email!), ("password", Password), ("tenant", tenant.Id.ToString()));
        Assert.Contains("Two-factor sign-in is required", (await RequireErrorAsync(grant, 400)).Description);

        // The other company does not require it: password alone still opens that one, and no switch leads from it into the first.
        var elsewhere = host.Browser();
        var otherLogin = await PostFormAsync(elsewhere, "/account/login", ("email", member.Email!), ("password", Password), ("tenant", other.Id.ToString()));
        Assert.Equal("/", otherLogin.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostFormAsync(elsewhere, "/account/switch-tenant", ("tenantId", tenant.Id.ToString()))).StatusCode);

        var browser = host.Browser();
        var login = await PostFormAsync(browser, "/account/login", ("email", member.Email!), ("password", Password), ("tenant", tenant.Id.ToString()));
        Assert.Equal("/account/two-factor/setup", login.Headers.Location?.OriginalString);
        var setup = await browser.GetStringAsync("/account/two-factor/setup");
        Assert.Contains("Your company requires two-factor sign-in", setup);
        Assert.Equal("image/svg+xml", (await browser.GetAsync("/account/two-factor/qr.svg")).Content.Headers.ContentType?.MediaType);

        var key = KeyOf(setup);
        var confirmed = await PostFormAsync(browser, "/account/two-factor/setup", ("_handler", "confirm"), ("Form.Action", "confirm"), ("Form.Code", Totp.Code(key, Totp.StepNow)));
        Assert.Equal(10, RecoveryCodesOf(await confirmed.Content.ReadAsStringAsync()).Count);
        var tenants = await browser.GetFromJsonAsync<System.Text.Json.JsonElement>("/account/tenants");
        Assert.Equal(tenant.Id.ToString(), tenants.GetProperty("currentTenantId").GetString());
    }

    [Fact]
    public async Task only_an_administrator_of_the_company_itself_sets_its_sign_in_policy()
    {
        var tenant = await host.CreateTenantAsync();
        var foreign = await host.CreateTenantAsync();
        var admin = await host.CreateUserAsync(SaasRoles.Administrator, tenant);
        var clerk = await host.CreateUserAsync(SaasRoles.Sales, foreign);
        var adminBrowser = await SignedInAsync(admin);

        var intoForeign = await adminBrowser.PutAsJsonAsync($"/api/v2.0/companies({foreign.Id})/signInPolicy", new { requireTwoFactor = true });
        Assert.Equal(HttpStatusCode.Forbidden, intoForeign.StatusCode);
        var byClerk = await (await SignedInAsync(clerk)).PutAsJsonAsync($"/api/v2.0/companies({foreign.Id})/signInPolicy", new { requireTwoFactor = true });
        Assert.Equal(HttpStatusCode.Forbidden, byClerk.StatusCode);
        var missing = await adminBrowser.PutAsJsonAsync($"/api/v2.0/companies({tenant.Id})/signInPolicy", new { });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("requireTwoFactor", await missing.Content.ReadAsStringAsync());

        Assert.False((await host.WithServicesAsync(s => s.GetRequiredService<TenantCatalog>().FindByIdAsync(foreign.Id)))!.RequireTwoFactor);
        Assert.False((await host.WithServicesAsync(s => s.GetRequiredService<TenantCatalog>().FindByIdAsync(tenant.Id)))!.RequireTwoFactor);
    }

    [Fact]
    public async Task turning_it_off_takes_a_current_code_and_a_new_setup_gets_a_new_key()
    {
        var tenant = await host.CreateTenantAsync();
        var user = await host.CreateUserAsync(SaasRoles.Sales, tenant);
        var browser = await SignedInAsync(user);
        var (key, _) = await EnrollAsync(browser, Totp.StepNow);

        var refused = await PostFormAsync(browser, "/account/two-factor/setup", ("_handler", "manage"), ("Form.Action", "disable"), ("Form.Code", "12345"));
        Assert.Contains("That code is not right", await refused.Content.ReadAsStringAsync());
        Assert.True((await UserAsync(user)).TwoFactorEnabled);

        var off = await PostFormAsync(browser, "/account/two-factor/setup", ("_handler", "manage"), ("Form.Action", "disable"), ("Form.Code", Totp.Code(key, Totp.StepNow + 1)));
        Assert.Contains("Two-factor sign-in is off", await off.Content.ReadAsStringAsync());
        Assert.False((await UserAsync(user)).TwoFactorEnabled);
        Assert.NotEqual(key, KeyOf(await browser.GetStringAsync("/account/two-factor/setup")));
    }

    private async Task<HttpClient> SignedInAsync(SaasUser user)
    {
        var browser = host.Browser();
        var login = await PostFormAsync(browser, "/account/login", ("email", user.Email!), ("password", Password));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return browser;
    }

    private static async Task<(string Key, List<string> RecoveryCodes)> EnrollAsync(HttpClient browser, long step)
    {
        var key = KeyOf(await browser.GetStringAsync("/account/two-factor/setup"));
        var confirmed = await PostFormAsync(browser, "/account/two-factor/setup", ("_handler", "confirm"), ("Form.Action", "confirm"), ("Form.Code", Totp.Code(key, step)));
        var html = await confirmed.Content.ReadAsStringAsync();
        Assert.True(RecoveryCodesOf(html).Count > 0, $"{(int)confirmed.StatusCode} {confirmed.Headers.Location}: {html}");
        return (key, RecoveryCodesOf(html));
    }

    /// <summary>Pages redirect with absolute URLs of this host, endpoints with local paths: both are the same place.</summary>
    private static string? LocalPath(HttpResponseMessage response) =>
        response.Headers.Location is { } location ? new Uri(new Uri("http://localhost"), location).PathAndQuery : null;

    private static Task<HttpResponseMessage> PostCodeAsync(HttpClient browser, string code) =>
        PostFormAsync(browser, "/account/two-factor", ("_handler", "code"), ("Form.Code", code));

    private Task<SaasUser> UserAsync(SaasUser user) =>
        host.WithServicesAsync(async services => await services.GetRequiredService<IdentityDb>().Users.AsNoTracking().SingleAsync(u => u.Id == user.Id));

    private static string KeyOf(string html) =>
        KeyPattern().Match(html) is { Success: true } match ? match.Groups[1].Value.Replace(" ", "") : throw new Xunit.Sdk.XunitException("No authenticator key on the page:\n" + html);

    private static List<string> RecoveryCodesOf(string html) =>
        [.. RecoveryCodePattern().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("data-testid=\"authenticator-key\">([a-z2-7 ]+)</code>")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("<li><code>([A-Za-z0-9-]+)</code></li>")]
    private static partial Regex RecoveryCodePattern();
}
