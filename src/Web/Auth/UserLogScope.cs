using Saas.Identity;
using Saas.Tenancy.Context;

namespace Saas.Web.Auth;

/// <summary>Puts the caller's id into the logging scope, so every log line of an authenticated request names who did it.</summary>
public sealed class UserLogScope(RequestDelegate next, ILogger<UserLogScope> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var subject = context.User.FindFirst(SaasClaims.Subject)?.Value;
        if (subject is null)
        {
            await next(context);
            return;
        }

        using (logger.BeginScope(new LogScope(("UserId", subject))))
        {
            await next(context);
        }
    }
}
