using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saas.Identity;
using Saas.Identity.Audit;
using Saas.Identity.Storage;
using Saas.Identity.Users;
using Saas.Tenancy.Catalog;
using static Saas.Tests.Identity.IdentityHost;

namespace Saas.Tests.Identity.Passkeys;

/// <summary>
/// Passkeys (ADR 014) through the real endpoints with a software authenticator: adding one, signing in with it
/// without a password, passing a company's two-factor requirement with it, and every way a passkey is refused —
/// each refusal leaves the person's passkeys and sessions as they were.
/// </summary>
public sealed class passkey_sign_in(IdentityHost host) : IClassFixture<IdentityHost>
{
    private const string Origin = "http://localhost";

    [Fact]
    public async Task a_person_adds_a_passkey_and_signs_in_with_it_without_a_password()
    {
        var tenant = await host.CreateTenantAsync();
        var user = await host.CreateUserAsync(SaasRoles.Sales, tenant);
        var authenticator = new SoftwareAuthenticator(Origin);
        var credential = await AddPasskeyAsync(await SignedInAsync(user), authenticator, "Work laptop");

        var stored = await PasskeysAsync(user);
        Assert.Equal("Work laptop", Assert.Single(stored).Data.Name);
        Assert.Contains(await AuditAsync(tenant), e => e.Action == AuditActions.PasskeyAdded && e.SubjectUserId == user.Id && e.After == "Work laptop");

        var browser = Browser();
        var signIn = await PasskeySignInAsync(browser, authenticator, credential, ("returnUrl", "/items"));
        Assert.Equal("/items", signIn.Headers.Location?.OriginalString);
        var tenants = await browser.GetFromJsonAsync<JsonElement>("/account/tenants");
        Assert.Equal(tenant.Id.ToString(), tenants.GetProperty("currentTenantId").GetString());
    }

    [Fact]
    public async Task a_passkey_passes_the_second_step_of_a_company_that_requires_two_factor_sign_in()
    {
        var tenant = await host.CreateTenantAsync();
        var user = await host.CreateUserAsync(SaasRoles.Sales, tenant);
        var authenticator = new SoftwareAuthenticator(Origin);
        var credential = await AddPasskeyAsync(await SignedInAsync(user), authenticator, "Phone");
        await RequireTwoFactorAsync(tenant);

        // The password alone is not enough: the person is sent to the second step, where the passkey is offered.
        var browser = Browser();
        var login = await PostFormAsync(browser, "/account/login", ("email", user.Email!), ("password", Password), ("returnUrl", "/items"));
        Assert.Equal("/account/two-factor", login.Headers.Location?.OriginalString);
        Assert.Contains("data-testid=\"two-factor-passkey\"", await browser.GetStringAsync("/account/two-factor"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/account/tenants")).StatusCode);

        var options = await OptionsAsync(browser, "/account/two-factor/passkey/options");
        var passed = await PostFormAsync(browser, "/account/two-factor/passkey", ("credential", authenticator.Get(options, credential)));
        Assert.Equal("/items", passed.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/tenants")).StatusCode);

        // A passkey sign-in is multi-factor by itself: the company's requirement lets it straight in.
        var direct = Browser();
        Assert.Equal("/", (await PasskeySignInAsync(direct, authenticator, credential)).Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await direct.GetAsync("/account/tenants")).StatusCode);
    }

    [Fact]
    public async Task another_persons_passkey_does_not_pass_someone_elses_second_step()
    {
        var tenant = await host.CreateTenantAsync();
        var owner = await host.CreateUserAsync(SaasRoles.Sales, tenant);
        var victim = await host.CreateUserAsync(SaasRoles.Sales, tenant);
        var victimsKey = new SoftwareAuthenticator(Origin);
        await AddPasskeyAsync(await SignedInAsync(victim), victimsKey, "Victim's phone");
        var ownersKey = new SoftwareAuthenticator(Origin);
        var ownersCredential = await AddPasskeyAsync(await SignedInAsync(owner), ownersKey, "Owner's phone");
        await RequireTwoFactorAsync(tenant);

        // The owner knows the victim's password but holds only their own passkey.
        var browser = Browser();
        await PostFormAsync(browser, "/account/login", ("email", victim.Email!), ("password", Password));
        var options = await OptionsAsync(browser, "/account/two-factor/passkey/options");
        var refused = await PostFormAsync(browser, "/account/two-factor/passkey", ("credential", ownersKey.Get(options, ownersCredential)));
        Assert.Equal("/account/two-factor?error=passkey_failed", refused.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/account/tenants")).StatusCode);
    }

    [Fact]
    public async Task refused_passkeys_change_nothing()
    {
        var tenant = await host.CreateTenantAsync();
        var user = await host.CreateUserAsync(SaasRoles.Sales, tenant);
        var authenticator = new SoftwareAuthenticator(Origin);
        var browser = await SignedInAsync(user);
        var credential = await AddPasskeyAsync(browser, authenticator, "Laptop");

        // A credential that is not one: refused, nothing stored.
        await OptionsAsync(browser, "/account/passkeys/options");
        var garbage = await PostFormAsync(browser, "/account/passkeys", ("name", "Broken"), ("credential", "{\"id\":\"x\"}"));
        Assert.Equal("/account/passkeys?error=not_verified", garbage.Headers.Location?.OriginalString);

        // Options asked in another browser: this one holds no challenge, so the request has expired.
        var elsewhere = await OptionsAsync(await SignedInAsync(user), "/account/passkeys/options");
        var noState = await PostFormAsync(browser, "/account/passkeys", ("name", "Late"), ("credential", authenticator.Create(elsewhere, out _)));
        Assert.Equal("/account/passkeys?error=expired", noState.Headers.Location?.OriginalString);

        // A name with control characters is refused before anything else.
        await OptionsAsync(browser, "/account/passkeys/options");
        var badName = await PostFormAsync(browser, "/account/passkeys", ("name", "evil\u202e"), ("credential", "{}"));
        Assert.Equal("/account/passkeys?error=name", badName.Headers.Location?.OriginalString);
        Assert.Equal(["Laptop"], (await PasskeysAsync(user)).Select(p => p.Data.Name));

        // Signed by the right key for another web site (phishing origin): refused, no session.
        var phished = Browser();
        var options = await OptionsAsync(phished, "/account/passkey-sign-in/options");
        var wrongOrigin = await PostFormAsync(phished, "/account/passkey-sign-in", ("credential", authenticator.Get(options, credential, originOverride: "https://evil.example")));
        Assert.Equal("/account/login?error=passkey_failed", wrongOrigin.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phished.GetAsync("/account/tenants")).StatusCode);

        // The same signed answer twice: the second has no challenge left to answer.
        var first = Browser();
        var firstOptions = await OptionsAsync(first, "/account/passkey-sign-in/options");
        var answer = authenticator.Get(firstOptions, credential);
        Assert.Equal("/", (await PostFormAsync(first, "/account/passkey-sign-in", ("credential", answer))).Headers.Location?.OriginalString);
        var replay = await PostFormAsync(first, "/account/passkey-sign-in", ("credential", answer));
        Assert.Equal("/account/login?error=passkey_failed", replay.Headers.Location?.OriginalString);

        // A person locked out (too many wrong passwords) is not let in by a passkey either.
        await host.WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<SaasUser>>();
            return await users.SetLockoutEndDateAsync((await users.FindByIdAsync(user.Id.ToString()))!, DateTimeOffset.UtcNow.AddMinutes(5));
        });
        var locked = Browser();
        var lockedOptions = await OptionsAsync(locked, "/account/passkey-sign-in/options");
        Assert.Equal("/account/login?error=passkey_failed", (await PostFormAsync(locked, "/account/passkey-sign-in", ("credential", authenticator.Get(lockedOptions, credential)))).Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await locked.GetAsync("/account/tenants")).StatusCode);
    }

    [Fact]
    public async Task a_person_removes_only_their_own_passkeys()
    {
        var tenant = await host.CreateTenantAsync();
        var other = await host.CreateTenantAsync();
        var owner = await host.CreateUserAsync(SaasRoles.Administrator, tenant);
        var stranger = await host.CreateUserAsync(SaasRoles.Administrator, other);
        var authenticator = new SoftwareAuthenticator(Origin);
        var ownerBrowser = await SignedInAsync(owner);
        var credential = await AddPasskeyAsync(ownerBrowser, authenticator, "Owner's key");

        var strangerBrowser = await SignedInAsync(stranger);
        var refused = await PostFormAsync(strangerBrowser, "/account/passkeys/remove", ("id", credential));
        Assert.Equal("/account/passkeys?error=not_found", refused.Headers.Location?.OriginalString);
        Assert.Single(await PasskeysAsync(owner));
        Assert.DoesNotContain("Owner&#x27;s key", await strangerBrowser.GetStringAsync("/account/passkeys"));

        var removed = await PostFormAsync(ownerBrowser, "/account/passkeys/remove", ("id", credential));
        Assert.Equal("/account/passkeys?removed=1", removed.Headers.Location?.OriginalString);
        Assert.Empty(await PasskeysAsync(owner));
        Assert.Contains(await AuditAsync(tenant), e => e.Action == AuditActions.PasskeyRemoved && e.SubjectUserId == owner.Id);
        Assert.DoesNotContain(await AuditAsync(other), e => e.SubjectUserId == owner.Id);

        // Removed from the account, the passkey on the device signs no one in.
        var browser = Browser();
        Assert.Equal("/account/login?error=passkey_failed", (await PasskeySignInAsync(browser, authenticator, credential)).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task the_passkey_pages_and_options_need_the_right_sign_in()
    {
        var anonymous = Browser();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/account/passkeys/options", new FormUrlEncodedContent([]))).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync("/account/passkeys")).StatusCode);

        // Without the antiforgery token, no options and no state.
        var tenant = await host.CreateTenantAsync();
        var browser = await SignedInAsync(await host.CreateUserAsync(SaasRoles.Sales, tenant));
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostAsync("/account/passkeys/options", new FormUrlEncodedContent([]))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.PostAsync("/account/passkey-sign-in/options", new FormUrlEncodedContent([]))).StatusCode);

        // The creation options ask for a discoverable credential and user verification, for this site only.
        var options = JsonDocument.Parse(await OptionsAsync(browser, "/account/passkeys/options")).RootElement;
        Assert.Equal("localhost", options.GetProperty("rp").GetProperty("id").GetString());
        Assert.Equal("required", options.GetProperty("authenticatorSelection").GetProperty("userVerification").GetString());
        Assert.Equal("required", options.GetProperty("authenticatorSelection").GetProperty("residentKey").GetString());
    }

    private HttpClient Browser()
    {
        var browser = host.Browser();
        browser.DefaultRequestHeaders.Add("Origin", Origin);
        return browser;
    }

    private async Task<HttpClient> SignedInAsync(SaasUser user)
    {
        var browser = Browser();
        var login = await PostFormAsync(browser, "/account/login", ("email", user.Email!), ("password", Password));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return browser;
    }

    private static async Task<string> OptionsAsync(HttpClient browser, string path)
    {
        var response = await PostFormAsync(browser, path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {path}: {body}");
        return body;
    }

    private static async Task<string> AddPasskeyAsync(HttpClient browser, SoftwareAuthenticator authenticator, string name)
    {
        var options = await OptionsAsync(browser, "/account/passkeys/options");
        var added = await PostFormAsync(browser, "/account/passkeys", ("name", name), ("credential", authenticator.Create(options, out var credential)));
        Assert.Equal("/account/passkeys?added=" + Uri.EscapeDataString(name), added.Headers.Location?.OriginalString);
        return credential;
    }

    private static async Task<HttpResponseMessage> PasskeySignInAsync(HttpClient browser, SoftwareAuthenticator authenticator, string credential, params (string Key, string Value)[] fields)
    {
        var options = await OptionsAsync(browser, "/account/passkey-sign-in/options");
        return await PostFormAsync(browser, "/account/passkey-sign-in", [("credential", authenticator.Get(options, credential)), .. fields]);
    }

    private Task RequireTwoFactorAsync(TenantInfo tenant) =>
        host.WithServicesAsync(services => services.GetRequiredService<TenantCatalog>().SetTwoFactorRequirementAsync(tenant.Id, required: true));

    private Task<List<IdentityUserPasskey<Guid>>> PasskeysAsync(SaasUser user) =>
        host.WithServicesAsync(services => services.GetRequiredService<IdentityDb>().Set<IdentityUserPasskey<Guid>>().AsNoTracking().Where(p => p.UserId == user.Id).ToListAsync())
            .ContinueWith(t => t.Result.OrderBy(p => p.Data.CreatedAt).ToList());

    private Task<List<AuditEntry>> AuditAsync(TenantInfo tenant) =>
        host.WithServicesAsync(services => services.GetRequiredService<IdentityDb>().AuditEntries.AsNoTracking().Where(e => e.TenantId == tenant.Id).ToListAsync());
}
