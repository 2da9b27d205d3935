using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Saas.Identity;
using Saas.Identity.Users;
using Saas.Web.Hosting;

namespace Saas.Web.Auth;

/// <summary>
/// Passkeys (ADR 014): a signed-in person adds and removes them on <c>/account/passkeys</c>; anyone signs in with one
/// from the sign-in page; a person halfway through a two-factor sign-in may use one instead of a code. A passkey
/// asks for user verification (PIN or biometrics) on the device that holds it, so a passkey sign-in is multi-factor
/// by itself and satisfies a company that requires two-factor sign-in. The browser side is <c>js/passkeys.js</c>:
/// it fetches the options with the form's antiforgery token, calls WebAuthn, and posts the form with the result.
/// </summary>
public static class PasskeyEndpoints
{
    public const string CredentialField = "credential";

    public static void MapPasskeyEndpoints(this WebApplication app)
    {
        var account = app.MapGroup("/account").DisableAntiforgery();

        account.MapPost("/passkeys/options", RegistrationOptionsAsync).RequireAuthorization(AccountEndpoints.CookieOnly);
        account.MapPost("/passkeys", AddAsync).RequireAuthorization(AccountEndpoints.CookieOnly);
        account.MapPost("/passkeys/remove", RemoveAsync).RequireAuthorization(AccountEndpoints.CookieOnly);

        account.MapPost("/passkey-sign-in/options", SignInOptionsAsync).AllowAnonymous().RequireRateLimiting(CredentialRateLimits.Policy);
        account.MapPost("/passkey-sign-in", SignInAsync).AllowAnonymous().RequireRateLimiting(CredentialRateLimits.Policy);

        account.MapPost("/two-factor/passkey/options", SecondStepOptionsAsync).AllowAnonymous().RequireRateLimiting(CredentialRateLimits.Policy);
        account.MapPost("/two-factor/passkey", SecondStepAsync).AllowAnonymous().RequireRateLimiting(CredentialRateLimits.Policy);
    }

    private static async Task<IResult> RegistrationOptionsAsync(HttpContext http, IAntiforgery antiforgery, UserManager<SaasUser> users, PasskeyCeremony ceremony)
    {
        if (await AccountEndpoints.ReadValidatedFormAsync(http, antiforgery) is null || await users.GetUserAsync(http.User) is not { } user)
        {
            return Results.BadRequest();
        }

        return Results.Text(await ceremony.BeginRegistrationAsync(http, user), "application/json");
    }

    private static async Task<IResult> AddAsync(HttpContext http, IAntiforgery antiforgery, UserManager<SaasUser> users, PasskeyCeremony ceremony)
    {
        if (await AccountEndpoints.ReadValidatedFormAsync(http, antiforgery) is not { } form || await users.GetUserAsync(http.User) is not { } user)
        {
            return Results.BadRequest();
        }

        var name = form["name"].ToString().Trim();
        if (name.Length > PasskeyCeremony.MaxNameLength || name.Any(c => ControlCharacters.IsRefused(c)))
        {
            return BackToPasskeys("error", PasskeyRefusals.Name);
        }

        var outcome = await ceremony.FinishRegistrationAsync(http, user, form[CredentialField], name);
        return outcome.User is null ? BackToPasskeys("error", outcome.Refusal!) : BackToPasskeys("added", name.Length > 0 ? name : "Passkey");
    }

    private static async Task<IResult> RemoveAsync(HttpContext http, IAntiforgery antiforgery, UserManager<SaasUser> users, PasskeyCeremony ceremony)
    {
        if (await AccountEndpoints.ReadValidatedFormAsync(http, antiforgery) is not { } form || await users.GetUserAsync(http.User) is not { } user)
        {
            return Results.BadRequest();
        }

        // Only the signed-in person's own passkeys are looked up, so another person's id finds nothing.
        var removed = PasskeyCeremony.CredentialIdFrom(form["id"]) is { } id && await ceremony.RemoveAsync(user, id, http.RequestAborted);
        return removed ? BackToPasskeys("removed", "1") : BackToPasskeys("error", PasskeyRefusals.NotFound);
    }

    private static async Task<IResult> SignInOptionsAsync(HttpContext http, IAntiforgery antiforgery, PasskeyCeremony ceremony)
    {
        if (await AccountEndpoints.ReadValidatedFormAsync(http, antiforgery) is null)
        {
            return Results.BadRequest();
        }

        return Results.Text(await ceremony.BeginSignInAsync(http, user: null), "application/json");
    }

    private static async Task<IResult> SignInAsync(
        HttpContext http, IAntiforgery antiforgery, UserManager<SaasUser> users, PasskeyCeremony ceremony, Sessions sessions, ILogger<Session> logger)
    {
        if (await AccountEndpoints.ReadValidatedFormAsync(http, antiforgery) is not { } form)
        {
            return Results.BadRequest();
        }

        var returnUrl = AccountEndpoints.LocalOrNull(form["returnUrl"]);
        var outcome = await ceremony.FinishSignInAsync(http, expectedUser: null, form[CredentialField]);
        if (outcome.User is not { } user || await users.IsLockedOutAsync(user))
        {
            return AccountEndpoints.BackToLogin("passkey_failed", returnUrl);
        }

        var opened = await sessions.OpenAsync(user, AccountEndpoints.NullIfEmpty(form["tenant"]), http.RequestAborted);
        if (opened.Session is not { } session)
        {
            return AccountEndpoints.BackToLogin(AccountEndpoints.RefusalCode(opened.Refusal), returnUrl);
        }

        await http.SignInAsync(AuthSetup.CookieScheme, AuthSetup.CookiePrincipal(session, secondFactor: true));
        logger.LogInformation("User {UserId} signed in with a passkey to tenant {TenantId}", user.Id, session.Tenant?.Id);
        return Results.LocalRedirect(returnUrl ?? "/");
    }

    private static async Task<IResult> SecondStepOptionsAsync(HttpContext http, IAntiforgery antiforgery, UserManager<SaasUser> users, PasskeyCeremony ceremony)
    {
        if (await AccountEndpoints.ReadValidatedFormAsync(http, antiforgery) is null || await TwoFactorSignIn.PendingAsync(http, users) is not { } pending)
        {
            return Results.BadRequest();
        }

        return Results.Text(await ceremony.BeginSignInAsync(http, pending.User), "application/json");
    }

    private static async Task<IResult> SecondStepAsync(
        HttpContext http, IAntiforgery antiforgery, UserManager<SaasUser> users, PasskeyCeremony ceremony, Sessions sessions, ILogger<Session> logger)
    {
        if (await AccountEndpoints.ReadValidatedFormAsync(http, antiforgery) is not { } form)
        {
            return Results.BadRequest();
        }

        if (await TwoFactorSignIn.PendingAsync(http, users) is not { } pending)
        {
            return Results.LocalRedirect("/account/two-factor");
        }

        var outcome = await ceremony.FinishSignInAsync(http, pending.User.Id, form[CredentialField]);
        if (outcome.User is null || await users.IsLockedOutAsync(pending.User))
        {
            return Results.LocalRedirect("/account/two-factor?error=passkey_failed");
        }

        var opened = await TwoFactorSignIn.CompleteAsync(http, sessions, pending);
        if (opened.Session is null)
        {
            return AccountEndpoints.BackToLogin(AccountEndpoints.RefusalCode(opened.Refusal), null);
        }

        logger.LogInformation("User {UserId} passed the second step with a passkey", pending.User.Id);
        return Results.LocalRedirect(AccountEndpoints.LocalOrNull(pending.ReturnUrl) ?? "/");
    }

    private static IResult BackToPasskeys(string key, string value) =>
        Results.LocalRedirect("/account/passkeys" + QueryString.Create(key, value));
}
