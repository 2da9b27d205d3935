using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Saas.Web.Hosting;

/// <summary>
/// The "credentials" rate limit: endpoints that take a password or a one-time secret (sign-in, invitation
/// acceptance, and the token endpoint once it names the policy) accept a few requests per client address per window
/// on each node. A request over the limit gets 429 with <c>Retry-After</c> as a problem, before any password is
/// checked. This bounds speed; <see cref="Saas.Identity.Users.PasswordSignIn"/> bounds the number of guesses across
/// nodes. Settings: <c>RateLimits:Credentials:PermitLimit</c> (default 10) per <c>RateLimits:Credentials:Window</c>
/// (default 1 minute).
/// </summary>
public static class CredentialRateLimits
{
    public const string Policy = "credentials";

    public sealed class Settings
    {
        public int PermitLimit { get; set; } = 10;
        public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
    }

    public static WebApplicationBuilder AddCredentialRateLimits(this WebApplicationBuilder builder)
    {
        var settings = new Settings();
        builder.Configuration.GetSection("RateLimits:Credentials").Bind(settings);
        builder.Services.AddRateLimiter(options =>
        {
            options.AddPolicy(Policy, http => RateLimitPartition.GetFixedWindowLimiter(
                ClientAddress(http),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.PermitLimit, Window = settings.Window, QueueLimit = 0 }));
        });
        return builder;
    }

    /// <summary>The caller's address as the server saw it (behind a proxy, configure forwarded headers first).</summary>
    public static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
