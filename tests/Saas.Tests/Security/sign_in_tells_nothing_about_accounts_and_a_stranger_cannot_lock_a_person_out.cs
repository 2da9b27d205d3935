using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Saas.Identity;
using Saas.Identity.Users;
using Saas.Tests.Identity;

namespace Saas.Tests.Security;

/// <summary>
/// Account enumeration and guessing (issue 9): an unknown e-mail and a wrong password cost the same work and get the
/// same words, throttling treats them alike, and a stranger's failures never keep the person out of their own
/// device. The counts live in the catalog database (every node shares them).
/// </summary>
public sealed class sign_in_tells_nothing_about_accounts_and_a_stranger_cannot_lock_a_person_out(IdentityHost host)
    : IClassFixture<IdentityHost>
{
    private const string Person = "10.0.0.1";
    private const string Stranger = "203.0.113.7";

    private readonly CountingHasher hasher = new();

    private WebApplicationFactory<Program> App() => host.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
    {
        services.AddSingleton<IStartupFilter, ClientAddressFromHeader>();
        services.RemoveAll<IPasswordHasher<SaasUser>>();
        services.AddSingleton<IPasswordHasher<SaasUser>>(hasher);
    }));

    [Fact]
    public async Task an_unknown_email_runs_the_password_hasher_like_a_wrong_password_and_gets_the_same_answer()
    {
        var tenant = await host.CreateTenantAsync();
        var user = await host.CreateUserAsync(SaasRoles.Sales, tenant);
        using var app = App();

        var before = hasher.Verifications;
        var wrong = await app.Browser("198.51.100.1").SignInAsync(user.Email!, "not the password");
        var afterWrong = hasher.Verifications;
        var unknown = await app.Browser("198.51.100.2").SignInAsync($"nobody-{IdentityHost.Unique()}@example.test", "not the password");

        Assert.Equal(1, afterWrong - before);
        Assert.Equal(1, hasher.Verifications - afterWrong);
        Assert.Equal("/account/login?error=invalid_credentials", wrong);
        Assert.Equal(wrong, unknown);
    }

    [Fact]
    public async Task a_locked_account_answers_like_a_wrong_password_even_with_the_right_one()
    {
        var tenant = await host.CreateTenantAsync();
        var user = await host.CreateUserAsync(SaasRoles.Sales, tenant);
        await host.WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<SaasUser>>();
            var stored = await users.FindByIdAsync(user.Id.ToString());
            return await users.SetLockoutEndDateAsync(stored!, DateTimeOffset.UtcNow.AddYears(1));
        });
        using var app = App();

        Assert.Equal("/account/login?error=invalid_credentials", await app.Browser("198.51.100.3").SignInAsync(user.Email!, IdentityHost.Password));
    }

    [Fact]
    public async Task throttling_answers_alike_for_real_and_unknown_accounts()
    {
        var tenant = await host.CreateTenantAsync();
        var user = await host.CreateUserAsync(SaasRoles.Sales, tenant);
        var nobody = $"nobody-{IdentityHost.Unique()}@example.test";
        using var app = App();
        var real = app.Browser("198.51.100.4");
        var fake = app.Browser("198.51.100.5");

        var realAnswers = new List<string>();
        var fakeAnswers = new List<string>();
        for (var attempt = 0; attempt < 7; attempt++)
        {
            realAnswers.Add(await real.SignInAsync(user.Email!, "guess " + attempt));
            fakeAnswers.Add(await fake.SignInAsync(nobody, "guess " + attempt));
        }

        Assert.Equal(realAnswers, fakeAnswers);
        Assert.Equal(Enumerable.Repeat("/account/login?error=invalid_credentials", 5), realAnswers.Take(5));
        Assert.Equal(Enumerable.Repeat("/account/login?error=throttled", 2), realAnswers.Skip(5));
    }

    [Fact]
    public async Task a_strangers_failures_hold_back_the_stranger_but_not_the_persons_known_device()
    {
        var tenant = await host.CreateTenantAsync();
        var user = await host.CreateUserAsync(SaasRoles.Sales, tenant);
        using var app = App();

        // The person signs in once: their browser becomes a known device of the account.
        var device = app.Browser(Person);
        Assert.Equal("/", await device.SignInAsync(user.Email!, IdentityHost.Password));

        // A stranger guesses from five addresses, past the limit of each address (5) and of the account from
        // unknown devices (20).
        for (var address = 1; address <= 5; address++)
        {
            var from = app.Browser($"203.0.113.{address}");
            for (var attempt = 0; attempt < 5; attempt++)
            {
                await from.SignInAsync(user.Email!, $"guess {address}.{attempt}");
            }
        }

        var stranger = app.Browser(Stranger);

        // Even the right password is refused to the stranger now...
        Assert.Equal("/account/login?error=throttled", await stranger.SignInAsync(user.Email!, IdentityHost.Password));

        // ...and to a new browser of the person's (the account is held back for unknown devices)...
        Assert.Equal("/account/login?error=throttled", await app.Browser(Person).SignInAsync(user.Email!, IdentityHost.Password));

        // ...but the person's known device still gets in, and the account itself was never locked.
        Assert.Equal("/", await device.SignInAsync(user.Email!, IdentityHost.Password));
        var locked = await host.WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<SaasUser>>();
            return await users.IsLockedOutAsync((await users.FindByIdAsync(user.Id.ToString()))!);
        });
        Assert.False(locked);
    }

    [Fact]
    public async Task a_device_cookie_of_another_account_or_a_made_up_one_is_not_a_known_device()
    {
        var tenant = await host.CreateTenantAsync();
        var victim = await host.CreateUserAsync(SaasRoles.Sales, tenant);
        var attacker = await host.CreateUserAsync(SaasRoles.Sales, tenant);
        using var app = App();

        // The attacker's own device cookie (for their own account) gives no fresh count against the victim's.
        var browser = app.Browser(Stranger);
        Assert.Equal("/", await browser.SignInAsync(attacker.Email!, IdentityHost.Password));
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await browser.SignInAsync(victim.Email!, "guess " + attempt);
        }

        Assert.Equal("/account/login?error=throttled", await browser.SignInAsync(victim.Email!, IdentityHost.Password));

        // A made-up device cookie is no known device either (cookies handled by hand to send the made-up one).
        var forged = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        forged.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, Stranger);
        var antiforgery = await forged.GetAsync("/account/antiforgery");
        var antiforgeryCookie = antiforgery.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        var token = System.Text.Json.JsonDocument.Parse(await antiforgery.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()!;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["email"] = victim.Email!, ["password"] = IdentityHost.Password, ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", $"{antiforgeryCookie}; saas.device=made-up");
        var answer = await forged.SendAsync(post);
        Assert.Equal("/account/login?error=throttled", answer.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task the_counts_are_rows_of_the_catalog_database_without_email_addresses()
    {
        var nobody = $"nobody-{IdentityHost.Unique()}@example.test";
        using var app = App();
        await app.Browser("198.51.100.9").SignInAsync(nobody, "guess");

        var keys = await host.WithServicesAsync(services =>
            Task.FromResult(services.GetRequiredService<Saas.Identity.Storage.IdentityDb>().SignInThrottles.Select(t => t.KeyHash).ToList()));
        Assert.Contains(SignInThrottle.Hash("address:198.51.100.9"), keys);
        Assert.DoesNotContain(keys, k => k.Contains('@'));
    }

    /// <summary>The real hasher, counting how often a password is checked against a hash.</summary>
    private sealed class CountingHasher : IPasswordHasher<SaasUser>
    {
        private readonly PasswordHasher<SaasUser> real = new();
        private int verifications;

        public int Verifications => Volatile.Read(ref verifications);

        public string HashPassword(SaasUser user, string password) => real.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(SaasUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref verifications);
            return real.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
