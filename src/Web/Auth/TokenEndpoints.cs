using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Saas.Identity;
using Saas.Identity.Clients;
using Saas.Identity.TwoFactor;
using Saas.Identity.Users;
using Saas.Tenancy.Catalog;
using Saas.Web.Hosting;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Saas.Web.Auth;

/// <summary>
/// <c>POST /connect/token</c> after OpenIddict has checked the protocol (grant, client authentication, PKCE,
/// refresh token or code, scopes): here we decide who the token is for and what it carries, reading the person,
/// the membership and the company again on every grant, so a removed membership, a locked account or a
/// suspended company ends the session at the next refresh. Discovery, JWKS, revocation and introspection are
/// OpenIddict's own endpoints.
/// </summary>
public static class TokenEndpoints
{
    private const string BadCredentials = "The user name or password is incorrect.";
    private const string TwoFactorRequired =
        "Two-factor sign-in is required for this account or company; the password grant cannot ask for the second factor. Sign in on the web page.";

    public static void MapTokenEndpoints(this WebApplication app) =>
        app.MapPost("/connect/token", ExchangeAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            .RequireRateLimiting(TokenRateLimit.Policy)
            .ExcludeFromDescription();

    private static async Task<IResult> ExchangeAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict request is missing: /connect/token must be handled by the token service first.");
        var services = http.RequestServices;
        if (request.IsPasswordGrantType())
        {
            return await PasswordAsync(http, request, services, cancellationToken);
        }

        if (request.IsClientCredentialsGrantType())
        {
            return await ClientCredentialsAsync(request, services, cancellationToken);
        }

        if (request.IsRefreshTokenGrantType() || request.IsAuthorizationCodeGrantType())
        {
            return await RenewAsync(http, services, cancellationToken);
        }

        return Refuse(Errors.UnsupportedGrantType, "The grant type is not supported.");
    }

    private static async Task<IResult> PasswordAsync(HttpContext http, OpenIddictRequest request, IServiceProvider services, CancellationToken cancellationToken)
    {
        var logger = services.GetRequiredService<ILogger<TokenService>>();

        // The same check as the sign-in page: equal work and words for unknown and wrong, throttled per source (ADR 012).
        var check = await services.GetRequiredService<PasswordSignIn>().CheckAsync(
            request.Username, request.Password, CredentialRateLimits.ClientAddress(http), knownDevice: null, cancellationToken);
        if (check.Outcome == SignInOutcome.Throttled)
        {
            return Refuse(Errors.InvalidGrant, "Too many failed sign-ins from here. Try again later.");
        }

        if (check.User is not { } user)
        {
            return Refuse(Errors.InvalidGrant, BadCredentials);
        }

        var opened = await services.GetRequiredService<Sessions>().OpenAsync(user, request["tenant"]?.ToString(), cancellationToken);
        if (opened.Session is not { } session)
        {
            logger.LogWarning("Password grant refused for user {UserId}: {Refusal}", user.Id, opened.Refusal);
            return Refuse(opened.Refusal);
        }

        if (SecondFactor.IsRequired(session))
        {
            // The password grant has no second step; the web sign-in and the authorization code flow have (ADR 014).
            logger.LogWarning("Password grant refused for user {UserId}: two-factor sign-in required", user.Id);
            return Refuse(Errors.InvalidGrant, TwoFactorRequired);
        }

        // No scope asked for: a first-party sign-in gets every area and a refresh token, as before the switch.
        var scopes = request.GetScopes().IsEmpty ? [.. ApiScopes.Areas, Scopes.OfflineAccess] : request.GetScopes().ToArray();
        logger.LogInformation("Issued tokens to user {UserId} for tenant {TenantId}", user.Id, session.Tenant?.Id);
        return SignIn(session.ToClaims(), scopes);
    }

    /// <remarks>OpenIddict has already authenticated the client (401 invalid_client otherwise) and checked its scopes.</remarks>
    private static async Task<IResult> ClientCredentialsAsync(OpenIddictRequest request, IServiceProvider services, CancellationToken cancellationToken)
    {
        var client = await services.GetRequiredService<ApiClients>().FindActiveAsync(request.ClientId!, cancellationToken);
        if (client is null)
        {
            return Refuse(Errors.UnauthorizedClient, "This client may not use client credentials.");
        }

        var tenant = await services.GetRequiredService<TenantCatalog>().FindByIdAsync(client.TenantId, cancellationToken);
        if (tenant is not { Status: TenantStatus.Active })
        {
            return Refuse(Errors.UnauthorizedClient, "The client's tenant is suspended.");
        }

        var scopes = request.GetScopes().IsEmpty ? ApiScopes.Areas : request.GetScopes().ToArray();
        services.GetRequiredService<ILogger<TokenService>>().LogInformation(
            "Issued a client_credentials token to API client {ClientId} of tenant {TenantId}", client.ClientId, tenant.Id);
        return SignIn(ApiClients.ClaimsOf(client, tenant), scopes);
    }

    /// <summary>A refresh token or an authorization code: the person and the company are read again, and the new tokens carry the same scopes.</summary>
    private static async Task<IResult> RenewAsync(HttpContext http, IServiceProvider services, CancellationToken cancellationToken)
    {
        var previous = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        var users = services.GetRequiredService<UserManager<SaasUser>>();
        var user = previous?.GetClaim(SaasClaims.Subject) is { } subject ? await users.FindByIdAsync(subject) : null;
        if (previous is null || user is null || await users.IsLockedOutAsync(user))
        {
            return Refuse(Errors.InvalidGrant, "The account can no longer sign in.");
        }

        var tenantId = Guid.TryParse(previous.GetClaim(SaasClaims.TenantId), out var id) ? id : (Guid?)null;

        // A company's own OAuth application acts for that company only (checked at /connect/authorize; again here).
        var applications = services.GetRequiredService<IOpenIddictApplicationManager>();
        if (http.GetOpenIddictServerRequest()?.ClientId is { } clientId
            && await applications.FindByClientIdAsync(clientId, cancellationToken) is { } application
            && OAuthApplications.OwnerOf(await applications.GetPropertiesAsync(application, cancellationToken)) is { } owner
            && owner != tenantId)
        {
            return Refuse(Errors.InvalidGrant, "This application is registered by another company.");
        }

        var reopened = await services.GetRequiredService<Sessions>().ReopenAsync(user, tenantId, cancellationToken);
        if (reopened.Session is not { } session)
        {
            return Refuse(reopened.Refusal);
        }

        // A refresh token from before the person or the company turned two-factor sign-in on ends here.
        var secondFactor = TwoFactorSignIn.HasSecondFactor(previous);
        if (SecondFactor.IsRequired(session) && !secondFactor)
        {
            return Refuse(Errors.InvalidGrant, TwoFactorRequired);
        }

        // The new tokens stay under the same authorization (remembered consent), so revoking it ends them too.
        return SignIn(TwoFactorSignIn.WithSecondFactor(session.ToClaims(), secondFactor), previous.GetScopes(), previous.GetAuthorizationId());
    }

    private static IResult SignIn(IEnumerable<Claim> claims, IEnumerable<string> scopes, string? authorizationId = null)
    {
        var identity = new ClaimsIdentity(claims, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, SaasClaims.Name, SaasClaims.Role);
        identity.SetScopes(scopes);
        identity.SetAuthorizationId(authorizationId);
        identity.SetAudiences(IdentitySettings.Audience);
        identity.SetDestinations(claim => claim.Type switch
        {
            // Identity tokens (authorization code flow with openid) name the person; the company and role are for the API.
            SaasClaims.Name or SaasClaims.Email => [Destinations.AccessToken, Destinations.IdentityToken],
            _ => [Destinations.AccessToken],
        });
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Refuse(SessionRefusal refusal) => refusal switch
    {
        SessionRefusal.TenantSuspended => Refuse(Errors.InvalidGrant, "The company is suspended."),
        SessionRefusal.NoTenant => Refuse(Errors.InvalidGrant, "The user is not a member of any company."),
        _ => Refuse(Errors.InvalidGrant, "The user is not a member of the requested company."),
    };

    /// <summary>An RFC 6749 §5.2 error, written by OpenIddict (status 400, or 401 for invalid_client).</summary>
    public static IResult Refuse(string error, string description) =>
        Results.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    /// <summary>Log category of the token service.</summary>
    private sealed class TokenService;
}
