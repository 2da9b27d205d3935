using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Saas.Tests.Identity;

namespace Saas.Tests.Security;

/// <summary>
/// The "credentials" rate limit (issue 9: "103 guesses over 100 accounts in 0.2 s, no 429"): past the limit an address
/// gets 429 with Retry-After as a problem before any password is checked; another address is not affected.
/// </summary>
public sealed class sign_in_and_invitation_acceptance_are_rate_limited_per_address(IdentityHost host) : IClassFixture<IdentityHost>
{
    [Theory]
    [InlineData("/account/login")]
    [InlineData("/account/accept-invitation")]
    public async Task the_fourth_attempt_in_a_window_is_answered_429_with_retry_after(string path)
    {
        using var app = host.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("RateLimits:Credentials:PermitLimit", "3");
            builder.UseSetting("RateLimits:Credentials:Window", "01:00:00");
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ClientAddressFromHeader>());
        });
        var guesser = app.Browser("192.0.2.10");

        for (var attempt = 0; attempt < 3; attempt++)
        {
            var allowed = await SignInClients.PostFormAsync(guesser, path, ("email", $"user{attempt}@example.test"), ("password", "guess"), ("token", "x"));
            Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
        }

        var refused = await SignInClients.PostFormAsync(guesser, path, ("email", "user9@example.test"), ("password", "guess"), ("token", "x"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 3600);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(429, problem.GetProperty("status").GetInt32());

        // Another address has its own allowance.
        var other = await SignInClients.PostFormAsync(app.Browser("192.0.2.11"), path, ("email", "user@example.test"), ("password", "guess"), ("token", "x"));
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
    }
}
