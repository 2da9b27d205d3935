using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Saas.Identity.Audit;
using Saas.Identity.Storage;
using Saas.Identity.Users;
using Saas.Web.Auth;
using Saas.Web.Hosting;
using Saas.Web.Mail;

namespace Saas.Web.People;

/// <summary>
/// Password reset by e-mail. The request answers the same for every address, known or not, and does the lookup and
/// the mailing after answering, so neither the words nor the time tell whether an account exists. The token is
/// ASP.NET Identity's (data protection, bound to the security stamp): it expires, and works once, because resetting
/// changes the stamp. Both posts are rate limited ("password-reset") and check antiforgery.
/// </summary>
public static class PasswordResetEndpoints
{
    public const string RequestPage = "/account/forgot-password";
    public const string ResetPage = "/account/reset-password";

    public static void MapPasswordReset(this WebApplication app)
    {
        var account = app.MapGroup("/account").DisableAntiforgery().AllowAnonymous().RequireRateLimiting(PasswordResetRateLimit.Policy);
        account.MapPost("/forgot-password", RequestAsync);
        account.MapPost("/reset-password", ResetAsync);
    }

    private static async Task<IResult> RequestAsync(HttpContext http, IAntiforgery antiforgery, IServiceScopeFactory scopes, ILogger<PasswordResetRequest> logger)
    {
        if (await AccountEndpoints.ReadValidatedFormAsync(http, antiforgery) is not { } form)
        {
            return Results.BadRequest();
        }

        var email = form["email"].ToString().Trim();
        if (email.Length is > 0 and <= 256)
        {
            // After the answer, in its own scope: the caller learns nothing from how long the work takes.
            _ = Task.Run(async () =>
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<PasswordResetRequest>().SendAsync(email, CancellationToken.None);
                }
                catch (Exception failure)
                {
                    logger.LogError(failure, "A password reset request could not be handled");
                }
            });
        }

        return Results.LocalRedirect(RequestPage + "?sent=1");
    }

    private static async Task<IResult> ResetAsync(
        HttpContext http, IAntiforgery antiforgery, UserManager<SaasUser> users, AuditTrail audit, IdentityDb db, ILogger<PasswordResetRequest> logger)
    {
        if (await AccountEndpoints.ReadValidatedFormAsync(http, antiforgery) is not { } form)
        {
            return Results.BadRequest();
        }

        var email = form["email"].ToString().Trim();
        var token = form["token"].ToString();
        var user = email.Length > 0 ? await users.FindByEmailAsync(email) : null;
        var result = user is null
            ? IdentityResult.Failed(new IdentityError { Code = "InvalidToken", Description = "Invalid token." })
            : await users.ResetPasswordAsync(user, token, form["password"].ToString());
        if (!result.Succeeded || user is null)
        {
            var field = result.Errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal)) ? "password" : "token";
            var reason = field == "password"
                ? string.Join(" ", result.Errors.Select(e => e.Description))
                : "This reset link is not valid, has expired or has already been used. Ask for a new one.";
            return Results.LocalRedirect(ResetPage + QueryString.Create(new Dictionary<string, string?>
            {
                ["email"] = email, ["token"] = token, ["error"] = field, ["reason"] = reason,
            }));
        }

        // The mail proved the address; a lockout from someone else's guessing ends with the new password.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.AddForEveryCompanyAsync(user.Id, new AuditActor(user.Id, user.Email ?? ""), AuditActions.PasswordReset, user.Email ?? "", null, http.RequestAborted);
        await db.SaveChangesAsync(http.RequestAborted);
        logger.LogInformation("User {UserId} reset their password", user.Id);
        return Results.LocalRedirect("/account/login?reset=done");
    }
}

/// <summary>Makes and mails a reset link when the address belongs to an account; nothing otherwise.</summary>
public sealed class PasswordResetRequest(UserManager<SaasUser> users, AccountMail mail, AuditTrail audit, IdentityDb db, ILogger<PasswordResetRequest> logger)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public async Task SendAsync(string email, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(email);
        if (user?.Email is null)
        {
            logger.LogInformation("Password reset asked for an address without an account");
            return;
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var path = PasswordResetEndpoints.ResetPage + QueryString.Create(new Dictionary<string, string?> { ["email"] = user.Email, ["token"] = token });
        var sent = await mail.SendPasswordResetAsync(user.Email, path.ToString(), Lifetime, cancellationToken);
        await audit.AddForEveryCompanyAsync(user.Id, AuditActor.System, AuditActions.PasswordResetRequested, user.Email, sent ? "mail sent" : "mail failed", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
