using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Saas.Identity.Storage;
using Saas.Tenancy.Catalog;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Saas.Identity.Clients;

/// <summary>A client just created: the secret is in here and nowhere else, ever again.</summary>
public sealed record CreatedApiClient(ApiClient Client, string ClientSecret);

/// <summary>
/// API clients of one tenant. Every operation takes the tenant, so one tenant's admin cannot reach another's
/// clients. Each client is also an OpenIddict application (same client id and secret hash), which is what the
/// token endpoint authenticates; the <see cref="ApiClient"/> row holds what OpenIddict does not know: the
/// company, the role and who created it.
/// </summary>
public sealed class ApiClients(IdentityDb db, IOpenIddictApplicationManager applications, IOpenIddictTokenManager tokens, TimeProvider clock)
{
    /// <summary>What an API client may do at the token service: client credentials, introspect and revoke its own tokens.</summary>
    public static IEnumerable<string> Permissions =>
    [
        OpenIddictConstants.Permissions.Endpoints.Token,
        OpenIddictConstants.Permissions.Endpoints.Introspection,
        OpenIddictConstants.Permissions.Endpoints.Revocation,
        OpenIddictConstants.Permissions.GrantTypes.ClientCredentials,
        .. ApiScopes.Areas.Select(scope => OpenIddictConstants.Permissions.Prefixes.Scope + scope),
    ];

    public async Task<CreatedApiClient> CreateAsync(Guid tenantId, string? displayName, string? role, Guid? createdByUserId, CancellationToken cancellationToken = default)
    {
        var name = displayName?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100)
        {
            throw new IdentityValidationException("displayName", "A display name of 1 to 100 characters is required.");
        }

        var canonicalRole = SaasRoles.NormalizeTenantRole(role)
            ?? throw new IdentityValidationException("role", $"Must be one of: {string.Join(", ", SaasRoles.TenantRoles)}.");

        var secret = OneTimeSecrets.Create();
        var client = new ApiClient
        {
            TenantId = tenantId,
            ClientId = "sc_" + OneTimeSecrets.Create(16),
            SecretHash = OneTimeSecrets.Hash(secret),
            DisplayName = name,
            Role = canonicalRole,
            CreatedByUserId = createdByUserId,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };

        // Both rows or neither: a client the token endpoint knows but the company does not (or the reverse) is useless.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = name,
        };
        descriptor.Permissions.UnionWith(Permissions);
        await applications.CreateAsync(descriptor, cancellationToken);
        db.ApiClients.Add(client);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CreatedApiClient(client, secret);
    }

    public Task<List<ApiClient>> ListAsync(Guid tenantId, CancellationToken cancellationToken = default) =>
        db.ApiClients.AsNoTracking()
            .Where(c => c.TenantId == tenantId)
            .OrderBy(c => c.CreatedUtc).ThenBy(c => c.Id)
            .ToListAsync(cancellationToken);

    public Task<ApiClient?> FindActiveAsync(string clientId, CancellationToken cancellationToken = default) =>
        db.ApiClients.AsNoTracking().SingleOrDefaultAsync(c => c.ClientId == clientId && c.RevokedUtc == null, cancellationToken);

    /// <summary>
    /// Revokes the client and every token it holds: the API validates each access token against the token
    /// store, so the client's tokens stop working with this call, not when they expire.
    /// </summary>
    /// <returns>False when the tenant has no such client (another tenant's id looks exactly like a missing one).</returns>
    public async Task<bool> RevokeAsync(Guid tenantId, Guid id, CancellationToken cancellationToken = default)
    {
        var client = await db.ApiClients.SingleOrDefaultAsync(c => c.Id == id && c.TenantId == tenantId, cancellationToken);
        if (client is null)
        {
            return false;
        }

        client.RevokedUtc ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        if (await applications.FindByClientIdAsync(client.ClientId, cancellationToken) is { } application)
        {
            var applicationId = await applications.GetIdAsync(application, cancellationToken);
            await tokens.RevokeByApplicationIdAsync(applicationId!, cancellationToken);
            await applications.DeleteAsync(application, cancellationToken);
        }

        return true;
    }

    public static List<Claim> ClaimsOf(ApiClient client, TenantInfo tenant) =>
    [
        new(SaasClaims.Subject, "client:" + client.ClientId),
        new(SaasClaims.Name, client.DisplayName),
        new(SaasClaims.TenantId, tenant.Id.ToString()),
        new(SaasClaims.Tenant, tenant.Identifier),
        new(SaasClaims.Role, client.Role),
    ];
}
