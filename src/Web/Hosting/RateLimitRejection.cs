using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Saas.Web.Hosting;

/// <summary>
/// The one answer of every rate limit (token, sign-in and invitation, password reset): 429 as a problem with
/// <c>Retry-After</c> from the limiter that refused. The rate limiter has a single rejection handler, so the
/// policies define only their limits and this file the answer.
/// </summary>
public static class RateLimitRejection
{
    public static IServiceCollection AddRateLimitRejection(this IServiceCollection services) =>
        services.AddRateLimiter(options => options.OnRejected = WriteAsync);

    private static async ValueTask WriteAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = "no-store";
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"Too many attempts from your address. Try again in {seconds} seconds.",
            },
        });
    }
}
