using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Saas.Identity;
using Saas.Identity.Clients;
using Saas.Identity.TwoFactor;
using Saas.Identity.Users;
using Saas.Web.Components.Pages.Account;
using Saas.Web.Hosting;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Saas.Web.Auth;

/// <summary>
/// <c>GET|POST /connect/authorize</c> (authorization code + PKCE) after OpenIddict has checked the client, the
/// redirect URI, PKCE and the scopes. A person who is not signed in is sent to the sign-in page and back; a
/// signed-in person sees the consent page naming the application, the company the token will act for and each
/// scope, and allows or denies. Allowing is remembered (<see cref="ConnectedApplications"/>): a permanent
/// authorization for the person, the application and the company, so the next request of that application for that
/// company asking for no more scopes comes straight back with a code, unless it says <c>prompt=consent</c>;
/// <c>prompt=none</c> gets a code when consent exists and <c>consent_required</c> otherwise. An application a company
/// registered (<see cref="OAuthApplications"/>) is only ever authorized for that company.
/// </summary>
public static class AuthorizeEndpoints
{
    public const string ConsentField = "consent";

    public static void MapAuthorizeEndpoints(this WebApplication app)
    {
        // Antiforgery is checked by hand below: the GET and the first POST of an OpenIddict request carry none.
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            .ExcludeFromDescription();
    }

    private static async Task<IResult> AuthorizeAsync(
        HttpContext http, IOpenIddictApplicationManager applications, IOpenIddictAuthorizationManager authorizations, ConnectedApplications connected,
        IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict request is missing: /connect/authorize must be handled by the token service first.");
        var cookie = await http.AuthenticateAsync(AuthSetup.CookieScheme);
        if (!cookie.Succeeded || cookie.Principal is null)
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Refuse(Errors.LoginRequired, "The user is not signed in.");
            }

            // Back to this very request after signing in (the parameters travel in the query string).
            var parameters = http.Request.HasFormContentType
                ? (await http.Request.ReadFormAsync(cancellationToken)).Where(p => p.Key != ConsentField && p.Key != "__RequestVerificationToken").ToList()
                : http.Request.Query.ToList();
            var returnUrl = http.Request.PathBase + http.Request.Path + QueryString.Create(parameters);
            return Results.Challenge(new AuthenticationProperties { RedirectUri = returnUrl }, [AuthSetup.CookieScheme]);
        }

        var application = await applications.FindByClientIdAsync(request.ClientId!, cancellationToken)
            ?? throw new InvalidOperationException("OpenIddict let an unknown client through.");
        var clientName = await applications.GetDisplayNameAsync(application, cancellationToken) ?? request.ClientId!;
        var applicationId = (await applications.GetIdAsync(application, cancellationToken))!;
        var user = cookie.Principal;
        var tenantId = Guid.TryParse(user.FindFirstValue(SaasClaims.TenantId), out var tenant) ? tenant : (Guid?)null;

        // A company's own application acts for that company only, whoever signs in through it.
        if (OAuthApplications.OwnerOf(await applications.GetPropertiesAsync(application, cancellationToken)) is { } owner && owner != tenantId)
        {
            return Refuse(Errors.AccessDenied, "This application is registered by another company and can only be used for that company: switch to it and try again.");
        }

        var decision = http.Request.HasFormContentType ? (await http.Request.ReadFormAsync(cancellationToken))[ConsentField].ToString() : "";
        if (decision is "allow" or "deny")
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Consent not confirmed", detail: "The consent form expired; open the application's sign-in link again.");
            }

            if (decision != "allow")
            {
                return Refuse(Errors.AccessDenied, "The user denied the request.");
            }

            var authorizationId = await RememberAsync(http, user, applicationId, tenantId, request, cancellationToken);
            return await AllowAsync(http, user, request, authorizationId, cancellationToken);
        }

        // Consent given before for this application and company, covering every scope asked for, is not asked again.
        if (!request.HasPromptValue(PromptValues.Consent)
            && Guid.TryParse(user.FindFirstValue(SaasClaims.Subject), out var userId)
            && await connected.FindCoveringAsync(userId, applicationId, tenantId, request.GetScopes(), cancellationToken) is { } remembered)
        {
            return await AllowAsync(http, user, request, await authorizations.GetIdAsync(remembered, cancellationToken), cancellationToken);
        }

        if (request.HasPromptValue(PromptValues.None))
        {
            return Refuse(Errors.ConsentRequired, "The user has not allowed this application yet.");
        }

        // The consent form posts here and the answer redirects to the application; Chromium applies form-action to
        // that redirect too, so this page's policy names the application's origin (OpenIddict has already checked the
        // redirect URI against the client's registration).
        if (Uri.TryCreate(request.RedirectUri, UriKind.Absolute, out var redirect))
        {
            http.Response.Headers.ContentSecurityPolicy = SecurityHeaders.ContentSecurityPolicy.Replace(
                "form-action 'self'", $"form-action 'self' {redirect.GetLeftPart(UriPartial.Authority)}", StringComparison.Ordinal);
        }

        var tokens = antiforgery.GetAndStoreTokens(http);
        var fields = request.GetParameters()
            .Where(p => p.Key != ConsentField)
            .Select(p => new KeyValuePair<string, string>(p.Key, p.Value.ToString() ?? ""))
            .ToList();
        return new RazorComponentResult<Consent>(new Dictionary<string, object?>
        {
            [nameof(Consent.ClientName)] = clientName,
            [nameof(Consent.CompanyName)] = tenantId is { } company
                ? (await http.RequestServices.GetRequiredService<Saas.Tenancy.Catalog.TenantCatalog>().FindByIdAsync(company, cancellationToken))?.Name
                : null,
            [nameof(Consent.Role)] = user.FindFirstValue(SaasClaims.Role),
            [nameof(Consent.PersonName)] = user.FindFirstValue(SaasClaims.Name),
            [nameof(Consent.Scopes)] = request.GetScopes().ToList(),
            [nameof(Consent.Fields)] = fields,
            [nameof(Consent.AntiforgeryField)] = tokens.FormFieldName,
            [nameof(Consent.AntiforgeryToken)] = tokens.RequestToken,
        });
    }

    /// <summary>Records the consent (or widens the one recorded) and returns the authorization the tokens will hang on.</summary>
    private static async Task<string?> RememberAsync(
        HttpContext http, ClaimsPrincipal user, string applicationId, Guid? tenantId, OpenIddictRequest request, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(user.FindFirstValue(SaasClaims.Subject), out var userId))
        {
            return null;
        }

        var name = user.FindFirstValue(SaasClaims.Email) is { Length: > 0 } email ? email : userId.ToString();
        return await http.RequestServices.GetRequiredService<ConnectedApplications>()
            .RememberAsync(userId, name, applicationId, tenantId, request.GetScopes(), cancellationToken);
    }

    /// <summary>The person allowed (now or before): the session is opened again for the company of the cookie, as at every grant.</summary>
    private static async Task<IResult> AllowAsync(HttpContext http, ClaimsPrincipal user, OpenIddictRequest request, string? authorizationId, CancellationToken cancellationToken)
    {
        var users = http.RequestServices.GetRequiredService<UserManager<SaasUser>>();
        var person = user.FindFirstValue(SaasClaims.Subject) is { } subject ? await users.FindByIdAsync(subject) : null;
        if (person is null || await users.IsLockedOutAsync(person))
        {
            return Refuse(Errors.AccessDenied, "The account can no longer sign in.");
        }

        var tenantId = Guid.TryParse(user.FindFirstValue(SaasClaims.TenantId), out var id) ? id : (Guid?)null;
        var reopened = await http.RequestServices.GetRequiredService<Sessions>().ReopenAsync(person, tenantId, cancellationToken);
        if (reopened.Session is not { } session)
        {
            return Refuse(Errors.AccessDenied, "The company cannot be entered.");
        }

        // The cookie session passed the second factor if the company or the person requires one (ADR 014), or the
        // re-check would have ended it; the tokens carry that fact so that refreshing them keeps working.
        var secondFactor = TwoFactorSignIn.HasSecondFactor(user);
        if (SecondFactor.IsRequired(session) && !secondFactor)
        {
            return Refuse(Errors.AccessDenied, "Two-factor sign-in is required: sign out and sign in again.");
        }

        var identity = new ClaimsIdentity(TwoFactorSignIn.WithSecondFactor(session.ToClaims(), secondFactor), OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, SaasClaims.Name, SaasClaims.Role);
        identity.SetScopes(request.GetScopes());
        identity.SetAudiences(IdentitySettings.Audience);
        identity.SetAuthorizationId(authorizationId);
        identity.SetDestinations(claim => claim.Type switch
        {
            SaasClaims.Name or SaasClaims.Email => [Destinations.AccessToken, Destinations.IdentityToken],
            _ => [Destinations.AccessToken],
        });
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Refuse(string error, string description) => TokenEndpoints.Refuse(error, description);
}
