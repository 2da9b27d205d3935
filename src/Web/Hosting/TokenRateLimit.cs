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
            options.OnRejected = WriteTooManyRequestsAsync;
        });
        return services;
    }

    private static async ValueTask WriteTooManyRequestsAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(10);
        response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        await Results.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many requests",
                detail: "Too many token requests from this address; retry after the number of seconds in Retry-After.")
            .ExecuteAsync(context.HttpContext);
    }
}
