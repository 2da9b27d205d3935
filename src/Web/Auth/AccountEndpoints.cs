using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Saas.Identity;
using Saas.Identity.TwoFactor;
using Saas.Identity.Users;
using Saas.Web.Hosting;

namespace Saas.Web.Auth;

/// <summary>
/// Sign-in for the web UI (cookie). Form field names are documented on <see cref="AuthSetup"/>.
/// Antiforgery is validated here explicitly, so these posts are protected whatever the middleware order.
/// </summary>
public static class AccountEndpoints
{
    internal static readonly AuthorizeAttribute CookieOnly = new() { AuthenticationSchemes = AuthSetup.CookieScheme };

    public static void MapAccountEndpoints(this WebApplication app)
    {
        var account = app.MapGroup("/account").DisableAntiforgery();

        // For script callers and tests; Blazor pages render the same token with <AntiforgeryToken />.
        account.MapGet("/antiforgery", (HttpContext http, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(http);
            return Results.Json(new { fieldName = tokens.FormFieldName, headerName = tokens.HeaderName, token = tokens.RequestToken });
        }).AllowAnonymous();

        account.MapPost("/login", LoginAsync).AllowAnonymous().RequireRateLimiting(CredentialRateLimits.Policy);
        account.MapPost("/logout", LogoutAsync).RequireAuthorization(CookieOnly);
        account.MapPost("/switch-tenant", SwitchTenantAsync).RequireAuthorization(CookieOnly);
        account.MapPost("/accept-invitation", AcceptInvitationAsync).AllowAnonymous().RequireRateLimiting(CredentialRateLimits.Policy);
        account.MapGet("/tenants", ListTenantsAsync).RequireAuthorization();
    }

    private static async Task<IResult> LoginAsync(
        HttpContext http, IAntiforgery antiforgery, PasswordSignIn passwords, KnownDevices devices, Sessions sessions, ILogger<Session> logger)
    {
        if (await ReadValidatedFormAsync(http, antiforgery) is not { } form)
        {
            return Results.BadRequest();
        }

        var returnUrl = LocalOrNull(form["returnUrl"]);
        var email = form["email"].ToString();
        var device = devices.For(http.Request, email);
        var check = await passwords.CheckAsync(email, form["password"].ToString(), CredentialRateLimits.ClientAddress(http), device, http.RequestAborted);
        if (check.Outcome == SignInOutcome.Throttled)
        {
            TypedEmail.Remember(http, email);
            return BackToLogin("throttled", returnUrl);
        }

        // Unknown e-mail, wrong password and a locked account get the same words (no account enumeration).
        if (check.User is not { } user)
        {
            TypedEmail.Remember(http, email);
            return BackToLogin("invalid_credentials", returnUrl);
        }

        devices.Remember(http.Response, user, device);
        var opened = await sessions.OpenAsync(user, NullIfEmpty(form["tenant"]), http.RequestAborted);
        if (opened.Session is not { } session)
        {
            TypedEmail.Remember(http, email);
            return BackToLogin(RefusalCode(opened.Refusal), returnUrl);
        }

        if (SecondFactor.IsRequired(session))
        {
            return await TwoFactorSignIn.BeginAsync(http, session, returnUrl);
        }

        await http.SignInAsync(AuthSetup.CookieScheme, AuthSetup.CookiePrincipal(session));
        logger.LogInformation("User {UserId} signed in to tenant {TenantId}", user.Id, session.Tenant?.Id);
        return Results.LocalRedirect(returnUrl ?? "/");
    }

    private static async Task<IResult> LogoutAsync(HttpContext http, IAntiforgery antiforgery)
    {
        if (await ReadValidatedFormAsync(http, antiforgery) is not { } form)
        {
            return Results.BadRequest();
        }

        await http.SignOutAsync(AuthSetup.CookieScheme);
        return Results.LocalRedirect(LocalOrNull(form["returnUrl"]) ?? "/account/login");
    }

    private static async Task<IResult> SwitchTenantAsync(
        HttpContext http, IAntiforgery antiforgery, UserManager<SaasUser> users, Sessions sessions, ILogger<Session> logger)
    {
        if (await ReadValidatedFormAsync(http, antiforgery) is not { } form)
        {
            return Results.BadRequest();
        }

        var tenant = NullIfEmpty(form["tenantId"]);
        if (tenant is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: "tenantId is required.");
        }

        var user = http.User.FindFirstValue(SaasClaims.Subject) is { } sub ? await users.FindByIdAsync(sub) : null;
        if (user is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, detail: "Only users can switch tenants.");
        }

        var opened = await sessions.OpenAsync(user, tenant, http.RequestAborted);
        if (opened.Session is not { Tenant: not null } session)
        {
            logger.LogWarning("User {UserId} was refused a switch to tenant {Tenant}: {Refusal}", user.Id, tenant, opened.Refusal);
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, detail: "You are not a member of that company, or it is suspended.");
        }

        var secondFactor = TwoFactorSignIn.HasSecondFactor(http.User);
        if (SecondFactor.IsRequired(session) && !secondFactor)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                detail: $"{session.Tenant.Name} requires two-factor sign-in. Sign out, and sign in to it again to set it up.");
        }

        await http.SignInAsync(AuthSetup.CookieScheme, AuthSetup.CookiePrincipal(session, secondFactor));
        logger.LogInformation("User {UserId} switched to tenant {TenantId}", user.Id, session.Tenant.Id);
        return Results.LocalRedirect(LocalOrNull(form["returnUrl"]) ?? "/");
    }

    private static async Task<IResult> AcceptInvitationAsync(HttpContext http, IAntiforgery antiforgery, IdentityAdministration administration)
    {
        if (await ReadValidatedFormAsync(http, antiforgery) is not { } form)
        {
            return Results.BadRequest();
        }

        var token = form["token"].ToString();
        try
        {
            var signedIn = Guid.TryParse(http.User.FindFirstValue(SaasClaims.Subject), out var userId) ? userId : (Guid?)null;
            // The page asks a new person's name; a form without the field (a script) keeps the name the invitation made.
            var name = form.ContainsKey("name") ? form["name"].ToString() : null;
            await administration.AcceptInvitationAsync(token, form["password"].ToString(), signedIn, http.RequestAborted, name);
            return Results.LocalRedirect("/account/login?invitation=accepted");
        }
        catch (IdentityValidationException refused)
        {
            // Only the refused field goes back, as a code the page turns into its own sentence: text in a query string
            // is anyone's to write, so the page never shows it.
            var query = QueryString.Create(new Dictionary<string, string?> { ["token"] = token, ["error"] = refused.Field });
            return Results.LocalRedirect("/account/accept-invitation" + query);
        }
    }

    private static async Task<IResult> ListTenantsAsync(ClaimsPrincipal user, IdentityAdministration administration, CancellationToken cancellationToken)
    {
        var current = user.FindFirstValue(SaasClaims.TenantId);
        if (!Guid.TryParse(user.FindFirstValue(SaasClaims.Subject), out var userId))
        {
            // An API client belongs to exactly one tenant and has no memberships to switch between.
            return Results.Json(new { currentTenantId = current, tenants = Array.Empty<object>() });
        }

        var memberships = await administration.ListMembershipsAsync(userId, cancellationToken);
        return Results.Json(new
        {
            currentTenantId = current,
            tenants = memberships.Select(m => new { tenantId = m.TenantId, identifier = m.TenantIdentifier, name = m.TenantName, role = m.Role, status = m.TenantStatus.ToString() }),
        });
    }

    /// <summary>The posted form if its antiforgery token is valid; null otherwise (the caller answers 400).</summary>
    internal static async Task<IFormCollection?> ReadValidatedFormAsync(HttpContext http, IAntiforgery antiforgery)
    {
        if (!http.Request.HasFormContentType)
        {
            return null;
        }

        try
        {
            await antiforgery.ValidateRequestAsync(http);
            return await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception exception) when (exception is AntiforgeryValidationException or InvalidDataException or BadHttpRequestException)
        {
            return null;
        }
    }

    internal static IResult BackToLogin(string error, string? returnUrl)
    {
        var query = returnUrl is null
            ? QueryString.Create("error", error)
            : QueryString.Create(new Dictionary<string, string?> { ["error"] = error, ["returnUrl"] = returnUrl });
        return Results.LocalRedirect("/account/login" + query);
    }

    internal static string RefusalCode(SessionRefusal refusal) => refusal switch
    {
        SessionRefusal.TenantSuspended => "tenant_suspended",
        SessionRefusal.NoTenant => "no_tenant",
        _ => "not_member",
    };

    internal static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Only same-site paths: an attacker-supplied returnUrl must not turn the login into an open redirect.</summary>
    internal static string? LocalOrNull(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Contains("://", StringComparison.Ordinal)
            ? url
            : null;
}
