using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Saas.Identity;
using Saas.Identity.Users;

namespace Saas.Web.Auth;

/// <summary>
/// A sign-in halfway: the password was right, the second factor is still to come (ADR 014). Between the two steps
/// the person holds only a short-lived cookie of its own scheme that names who they are and which company they asked
/// for; it opens nothing but the two-factor pages. The full sign-in cookie carries <c>amr=mfa</c>, so the periodic
/// re-check can end sessions that started before a company began to require two-factor sign-in.
/// </summary>
public static class TwoFactorSignIn
{
    public const string PendingScheme = "TwoFactorPending";
    public const string MethodsClaim = "amr";
    public const string MultiFactor = "mfa";

    private const string TenantClaim = "requested_tenant";
    private const string ReturnUrlItem = "returnUrl";

    public static AuthenticationBuilder AddTwoFactorPendingCookie(this AuthenticationBuilder authentication) =>
        authentication.AddCookie(PendingScheme, options =>
        {
            options.Cookie.Name = "saas.2fa";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.Path = "/account";
            options.ExpireTimeSpan = TimeSpan.FromMinutes(5);
            options.SlidingExpiration = false;
        });

    public static bool HasSecondFactor(ClaimsPrincipal? principal) =>
        principal?.HasClaim(MethodsClaim, MultiFactor) == true;

    /// <summary>The session's claims, with <c>amr=mfa</c> when a second factor was passed.</summary>
    public static List<Claim> WithSecondFactor(List<Claim> claims, bool secondFactor)
    {
        if (secondFactor)
        {
            claims.Add(new(MethodsClaim, MultiFactor));
        }

        return claims;
    }

    /// <summary>After a right password: remember who, and send them to the code page (or to set it up, if their company requires it and they have no way yet).</summary>
    public static async Task<IResult> BeginAsync(HttpContext http, Session session, string? returnUrl)
    {
        var claims = new List<Claim> { new(SaasClaims.Subject, session.User.Id.ToString()) };
        if (session.Tenant is { } tenant)
        {
            claims.Add(new(TenantClaim, tenant.Id.ToString()));
        }

        var properties = new AuthenticationProperties { IsPersistent = false };
        properties.Items[ReturnUrlItem] = returnUrl ?? "/";
        await http.SignInAsync(PendingScheme, new ClaimsPrincipal(new ClaimsIdentity(claims, PendingScheme)), properties);
        // A passkey passes the second step as well as a code does, so a person with either goes to the code page.
        var users = http.RequestServices.GetRequiredService<UserManager<SaasUser>>();
        var canPass = session.User.TwoFactorEnabled || (await users.GetPasskeysAsync(session.User)).Count > 0;
        return Results.LocalRedirect(canPass ? "/account/two-factor" : "/account/two-factor/setup");
    }

    /// <summary>The person halfway through signing in, if any.</summary>
    public static async Task<PendingSignIn?> PendingAsync(HttpContext http, UserManager<SaasUser> users)
    {
        var result = await http.AuthenticateAsync(PendingScheme);
        if (!result.Succeeded || result.Principal.FindFirstValue(SaasClaims.Subject) is not { } sub
            || await users.FindByIdAsync(sub) is not { } user)
        {
            return null;
        }

        var tenant = Guid.TryParse(result.Principal.FindFirstValue(TenantClaim), out var id) ? id : (Guid?)null;
        var returnUrl = result.Properties?.Items.TryGetValue(ReturnUrlItem, out var url) == true ? url : null;
        return new PendingSignIn(user, tenant, returnUrl ?? "/");
    }

    /// <summary>The second factor passed: open the session the person asked for and give them the full cookie.</summary>
    public static async Task<SessionResult> CompleteAsync(HttpContext http, Sessions sessions, PendingSignIn pending)
    {
        var opened = await sessions.ReopenAsync(pending.User, pending.TenantId, http.RequestAborted);
        await http.SignOutAsync(PendingScheme);
        if (opened.Session is { } session)
        {
            await http.SignInAsync(AuthSetup.CookieScheme, AuthSetup.CookiePrincipal(session, secondFactor: true));
        }

        return opened;
    }
}

public sealed record PendingSignIn(SaasUser User, Guid? TenantId, string ReturnUrl);
