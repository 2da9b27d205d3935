using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Saas.Web.Hosting;

/// <summary>
/// The named policy "password-reset": per client address, a few requests per window for the forgot- and
/// reset-password endpoints, so they can be used neither to flood someone's mailbox nor to guess reset tokens.
/// Refusals are 429 with Retry-After. Settings: <c>RateLimits:PasswordReset:PermitLimit</c> (5) and <c>:Window</c> (1 minute).
/// </summary>
public static class PasswordResetRateLimit
{
    public const string Policy = "password-reset";

    public static WebApplicationBuilder AddPasswordResetRateLimit(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("RateLimits:PasswordReset");
        var permits = section.GetValue("PermitLimit", 5);
        var window = section.GetValue("Window", TimeSpan.FromMinutes(1));
        builder.Services.AddRateLimiter(options =>
        {
            options.AddPolicy(Policy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
        });
        return builder;
    }
}
