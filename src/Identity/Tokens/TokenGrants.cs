using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Saas.Identity.Clients;
using Saas.Identity.Storage;
using Saas.Identity.TwoFactor;
using Saas.Identity.Users;
using Saas.Tenancy.Catalog;

namespace Saas.Identity.Tokens;

/// <summary>The body of a successful token response (RFC 6749 §5.1).</summary>
public sealed record TokenResponse(string AccessToken, int ExpiresIn, string? RefreshToken);

/// <summary>Either a token response or an RFC 6749 §5.2 error with the HTTP status to send.</summary>
public sealed record GrantResult(TokenResponse? Token, string? Error, string? Description, int StatusCode)
{
    public static GrantResult Success(TokenResponse token) => new(token, null, null, 200);

    public static GrantResult Fail(string error, string description, int statusCode = 400) => new(null, error, description, statusCode);
}

public static class OAuthErrors
{
    public const string InvalidRequest = "invalid_request";
    public const string InvalidClient = "invalid_client";
    public const string InvalidGrant = "invalid_grant";
    public const string UnauthorizedClient = "unauthorized_client";
    public const string UnsupportedGrantType = "unsupported_grant_type";
}

/// <summary>
/// The OAuth 2.0 grants of <c>/connect/token</c>: password, refresh_token (rotating, with reuse detection)
/// and client_credentials. HTTP parsing stays in the Web host; the rules live here.
/// </summary>
public sealed class TokenGrants(
    UserManager<SaasUser> users,
    SignInManager<SaasUser> signIn,
    IdentityDb db,
    Sessions sessions,
    TenantCatalog catalog,
    TokenIssuer issuer,
    IdentitySettings settings,
    TimeProvider clock,
    ILogger<TokenGrants> logger)
{
    private const string BadCredentials = "The user name or password is incorrect.";
    private const string TwoFactorRequired =
        "Two-factor sign-in is required for this account or company; the password grant cannot ask for the second factor. Sign in on the web page.";

    public async Task<GrantResult> PasswordAsync(string? userName, string? password, string? tenant, string issuerUri, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
        {
            return GrantResult.Fail(OAuthErrors.InvalidRequest, "The username and password parameters are required.");
        }

        var user = await users.FindByEmailAsync(userName.Trim());
        if (user is null)
        {
            return GrantResult.Fail(OAuthErrors.InvalidGrant, BadCredentials);
        }

        var check = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            logger.LogWarning("Password grant refused: user {UserId} is locked out", user.Id);
            return GrantResult.Fail(OAuthErrors.InvalidGrant, "The account is temporarily locked after repeated failed sign-ins.");
        }

        if (!check.Succeeded)
        {
            return GrantResult.Fail(OAuthErrors.InvalidGrant, BadCredentials);
        }

        var opened = await sessions.OpenAsync(user, tenant, cancellationToken);
        if (opened.Session is not { } session)
        {
            logger.LogWarning("Password grant refused for user {UserId}: {Refusal}", user.Id, opened.Refusal);
            return Refusal(opened.Refusal);
        }

        if (SecondFactor.IsRequired(session))
        {
            // The password grant has no second step; the web sign-in (and the authorization code flow) has.
            logger.LogWarning("Password grant refused for user {UserId}: two-factor sign-in required", user.Id);
            return GrantResult.Fail(OAuthErrors.InvalidGrant, TwoFactorRequired);
        }

        var refreshToken = await StoreRefreshTokenAsync(user.Id, session.Tenant?.Id, Guid.CreateVersion7(), cancellationToken);
        logger.LogInformation("Issued tokens to user {UserId} for tenant {TenantId}", user.Id, session.Tenant?.Id);
        return GrantResult.Success(new TokenResponse(issuer.CreateAccessToken(session.ToClaims(), issuerUri), issuer.AccessTokenSeconds, refreshToken));
    }

    public async Task<GrantResult> RefreshAsync(string? refreshToken, string issuerUri, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(refreshToken))
        {
            return GrantResult.Fail(OAuthErrors.InvalidRequest, "The refresh_token parameter is required.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var hash = OneTimeSecrets.Hash(refreshToken);
        var stored = await db.RefreshTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (stored is null || stored.RevokedUtc is not null || stored.ExpiresUtc <= now)
        {
            return GrantResult.Fail(OAuthErrors.InvalidGrant, "The refresh token is invalid, expired or revoked.");
        }

        // Consume with a conditional update: of two concurrent uses of one token exactly one wins,
        // and the loser is treated as the replay it is.
        var consumed = await db.RefreshTokens
            .Where(t => t.Id == stored.Id && t.ConsumedUtc == null && t.RevokedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ConsumedUtc, now), cancellationToken);
        if (consumed == 0)
        {
            await RevokeFamilyAsync(stored.FamilyId, now, cancellationToken);
            logger.LogWarning("Refresh token reuse detected for user {UserId}: family {FamilyId} revoked", stored.UserId, stored.FamilyId);
            return GrantResult.Fail(OAuthErrors.InvalidGrant, "The refresh token was already used; the session has been revoked.");
        }

        var user = await users.FindByIdAsync(stored.UserId.ToString());
        if (user is null || await users.IsLockedOutAsync(user))
        {
            await RevokeFamilyAsync(stored.FamilyId, now, cancellationToken);
            return GrantResult.Fail(OAuthErrors.InvalidGrant, "The account can no longer sign in.");
        }

        var reopened = await sessions.ReopenAsync(user, stored.TenantId, cancellationToken);
        if (reopened.Session is not { } session)
        {
            await RevokeFamilyAsync(stored.FamilyId, now, cancellationToken);
            return Refusal(reopened.Refusal);
        }

        if (SecondFactor.IsRequired(session))
        {
            // Issued by a password grant before the person or the company turned two-factor sign-in on.
            await RevokeFamilyAsync(stored.FamilyId, now, cancellationToken);
            return GrantResult.Fail(OAuthErrors.InvalidGrant, TwoFactorRequired);
        }

        var next = await StoreRefreshTokenAsync(user.Id, stored.TenantId, stored.FamilyId, cancellationToken);
        return GrantResult.Success(new TokenResponse(issuer.CreateAccessToken(session.ToClaims(), issuerUri), issuer.AccessTokenSeconds, next));
    }

    /// <remarks>Failures are 401 invalid_client (RFC 6749 §5.2); no refresh token is issued (§4.4.3).</remarks>
    public async Task<GrantResult> ClientCredentialsAsync(string? clientId, string? clientSecret, string issuerUri, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(clientSecret))
        {
            return GrantResult.Fail(OAuthErrors.InvalidClient, "Client authentication failed.", 401);
        }

        var client = await db.ApiClients.AsNoTracking().SingleOrDefaultAsync(c => c.ClientId == clientId, cancellationToken);
        if (client is null || client.RevokedUtc is not null || !OneTimeSecrets.Matches(clientSecret, client.SecretHash))
        {
            return GrantResult.Fail(OAuthErrors.InvalidClient, "Client authentication failed.", 401);
        }

        var tenant = await catalog.FindByIdAsync(client.TenantId, cancellationToken);
        if (tenant is not { Status: TenantStatus.Active })
        {
            return GrantResult.Fail(OAuthErrors.UnauthorizedClient, "The client's tenant is suspended.");
        }

        var claims = ApiClients.ClaimsOf(client, tenant);
        logger.LogInformation("Issued a client_credentials token to API client {ClientId} of tenant {TenantId}", client.ClientId, tenant.Id);
        return GrantResult.Success(new TokenResponse(issuer.CreateAccessToken(claims, issuerUri), issuer.AccessTokenSeconds, null));
    }

    private static GrantResult Refusal(SessionRefusal refusal) => refusal switch
    {
        SessionRefusal.TenantSuspended => GrantResult.Fail(OAuthErrors.InvalidGrant, "The company is suspended."),
        SessionRefusal.NoTenant => GrantResult.Fail(OAuthErrors.InvalidGrant, "The user is not a member of any company."),
        _ => GrantResult.Fail(OAuthErrors.InvalidGrant, "The user is not a member of the requested company."),
    };

    private async Task<string> StoreRefreshTokenAsync(Guid userId, Guid? tenantId, Guid familyId, CancellationToken cancellationToken)
    {
        var token = OneTimeSecrets.Create();
        var now = clock.GetUtcNow().UtcDateTime;
        db.RefreshTokens.Add(new RefreshToken
        {
            FamilyId = familyId,
            TokenHash = OneTimeSecrets.Hash(token),
            UserId = userId,
            TenantId = tenantId,
            CreatedUtc = now,
            ExpiresUtc = now + settings.RefreshTokenLifetime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    private Task<int> RevokeFamilyAsync(Guid familyId, DateTime now, CancellationToken cancellationToken) =>
        db.RefreshTokens
            .Where(t => t.FamilyId == familyId && t.RevokedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedUtc, now), cancellationToken);
}
