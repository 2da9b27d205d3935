using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Saas.Web.Hosting;

/// <summary>
/// The "token" rate-limit policy of <c>/connect/token</c>: a token bucket per client address, so one caller
/// cannot guess client secrets or passwords at machine speed (lockout bounds guesses per account, this bounds
/// them per caller). Refused requests get 429 with <c>Retry-After</c> and a problem body.
/// Settings: <c>RateLimits:Token:Burst</c> (default 60) and <c>RateLimits:Token:PerMinute</c> (default 120).
/// </summary>
public static class TokenRateLimit
{
    public const string Policy = "token";

    public static IServiceCollection AddTokenRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var burst = configuration.GetValue("RateLimits:Token:Burst", 60);
        var perMinute = configuration.GetValue("RateLimits:Token:PerMinute", 120);
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(Policy, http => RateLimitPartition.GetTokenBucketLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = burst,
                    TokensPerPeriod = Math.Max(1, perMinute / 6),
                    ReplenishmentPeriod = TimeSpan.FromSeconds(10),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
        });
        return services;
    }
}
