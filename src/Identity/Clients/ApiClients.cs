using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Saas.Identity.Storage;
using Saas.Tenancy.Catalog;

namespace Saas.Identity.Clients;

/// <summary>A client just created: the secret is in here and nowhere else, ever again.</summary>
public sealed record CreatedApiClient(ApiClient Client, string ClientSecret);

/// <summary>API clients of one tenant. Every operation takes the tenant, so one tenant's admin cannot reach another's clients.</summary>
public sealed class ApiClients(IdentityDb db, TimeProvider clock)
{
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
        db.ApiClients.Add(client);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiClient(client, secret);
    }

    public Task<List<ApiClient>> ListAsync(Guid tenantId, CancellationToken cancellationToken = default) =>
        db.ApiClients.AsNoTracking()
            .Where(c => c.TenantId == tenantId)
            .OrderBy(c => c.CreatedUtc).ThenBy(c => c.Id)
            .ToListAsync(cancellationToken);

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
        return true;
    }

    public static List<Claim> ClaimsOf(ApiClient client, TenantInfo tenant) =>
    [
        new(SaasClaims.Subject, "client:" + client.ClientId),
        new(SaasClaims.ClientId, client.ClientId),
        new(SaasClaims.Name, client.DisplayName),
        new(SaasClaims.TenantId, tenant.Id.ToString()),
        new(SaasClaims.Tenant, tenant.Identifier),
        new(SaasClaims.Role, client.Role),
    ];
}
