using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using Saas.Identity.Audit;
using Saas.Identity.Storage;
using Saas.Tenancy.Catalog;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Saas.Identity.Clients;

/// <summary>An application a person allowed, for one company, with the scopes allowed and when.</summary>
public sealed record ConnectedApplication(string AuthorizationId, string ApplicationName, Guid? CompanyId, string? CompanyName, IReadOnlyList<string> Scopes, DateTime? AllowedUtc);

/// <summary>
/// Remembered consent: when a person allows an application, a permanent OpenIddict authorization records the person
/// (subject), the application, the company (<see cref="OAuthApplications.TenantProperty"/> in its properties) and the
/// scopes. The authorization endpoint skips the consent page when one covers a request; every token issued through it
/// hangs on it, so revoking it (the person, on "Connected applications", or deleting the application) ends them all.
/// </summary>
public sealed class ConnectedApplications(
    IdentityDb db,
    IOpenIddictAuthorizationManager authorizations,
    IOpenIddictApplicationManager applications,
    IOpenIddictTokenManager tokens,
    TenantCatalog tenants,
    AuditTrail audit,
    TimeProvider clock,
    ILogger<ConnectedApplications> logger)
{
    /// <summary>The person's valid permanent authorization of the application for the company, if one grants every scope asked for.</summary>
    public async Task<object?> FindCoveringAsync(Guid userId, string applicationId, Guid? tenantId, IEnumerable<string> scopes, CancellationToken cancellationToken)
    {
        var asked = scopes.ToImmutableArray();
        await foreach (var authorization in authorizations.FindAsync(userId.ToString(), applicationId, Statuses.Valid, AuthorizationTypes.Permanent, asked, cancellationToken))
        {
            if (TenantOf(await authorizations.GetPropertiesAsync(authorization, cancellationToken)) == tenantId)
            {
                return authorization;
            }
        }

        return null;
    }

    /// <summary>
    /// Records that the person allowed the scopes: the existing authorization for the same application and company
    /// takes the new scopes on (its tokens stay), or a new one is created. Returns its id for the tokens to carry.
    /// </summary>
    public async Task<string> RememberAsync(
        Guid userId, string userName, string applicationId, Guid? tenantId, IEnumerable<string> scopes, CancellationToken cancellationToken)
    {
        var allowed = scopes.ToList();
        object? existing = null;
        await foreach (var authorization in authorizations.FindAsync(userId.ToString(), applicationId, Statuses.Valid, AuthorizationTypes.Permanent, [], cancellationToken))
        {
            if (TenantOf(await authorizations.GetPropertiesAsync(authorization, cancellationToken)) == tenantId)
            {
                existing = authorization;
                break;
            }
        }

        var application = await applications.FindByIdAsync(applicationId, cancellationToken);
        var applicationName = application is null ? applicationId : await applications.GetDisplayNameAsync(application, cancellationToken) ?? applicationId;
        var actor = new AuditActor(userId, userName);
        if (existing is not null)
        {
            var descriptor = new OpenIddictAuthorizationDescriptor();
            await authorizations.PopulateAsync(descriptor, existing, cancellationToken);
            if (!allowed.All(descriptor.Scopes.Contains))
            {
                descriptor.Scopes.UnionWith(allowed);
                AddAudit(tenantId, actor, AuditActions.ApplicationAllowed, userId, userName, applicationName, string.Join(" ", descriptor.Scopes));
                await authorizations.UpdateAsync(existing, descriptor, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }

            return (await authorizations.GetIdAsync(existing, cancellationToken))!;
        }

        var created = new OpenIddictAuthorizationDescriptor
        {
            ApplicationId = applicationId,
            Subject = userId.ToString(),
            Status = Statuses.Valid,
            Type = AuthorizationTypes.Permanent,
            CreationDate = clock.GetUtcNow(),
        };
        created.Scopes.UnionWith(allowed);
        if (tenantId is { } id)
        {
            created.Properties[OAuthApplications.TenantProperty] = JsonSerializer.SerializeToElement(id.ToString());
        }

        AddAudit(tenantId, actor, AuditActions.ApplicationAllowed, userId, userName, applicationName, string.Join(" ", allowed));
        var result = await authorizations.CreateAsync(created, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("User {UserId} allowed application {ApplicationId} for tenant {TenantId}", userId, applicationId, tenantId);
        return (await authorizations.GetIdAsync(result, cancellationToken))!;
    }

    public async Task<IReadOnlyList<ConnectedApplication>> ListAsync(Guid userId, CancellationToken cancellationToken)
    {
        var result = new List<ConnectedApplication>();
        await foreach (var authorization in authorizations.FindBySubjectAsync(userId.ToString(), cancellationToken))
        {
            if (!await authorizations.HasStatusAsync(authorization, Statuses.Valid, cancellationToken)
                || !await authorizations.HasTypeAsync(authorization, AuthorizationTypes.Permanent, cancellationToken))
            {
                continue;
            }

            result.Add(await DescribeAsync(authorization, cancellationToken));
        }

        return result.OrderByDescending(c => c.AllowedUtc).ToList();
    }

    /// <summary>Revokes the person's authorization and every token issued under it (a refresh token is refused from now on).</summary>
    /// <returns>False when the person holds no such authorization (another person's looks exactly like a missing one).</returns>
    public async Task<bool> RevokeAsync(Guid userId, string userName, string authorizationId, CancellationToken cancellationToken)
    {
        var authorization = await authorizations.FindByIdAsync(authorizationId, cancellationToken);
        if (authorization is null || await authorizations.GetSubjectAsync(authorization, cancellationToken) != userId.ToString()
            || !await authorizations.HasStatusAsync(authorization, Statuses.Valid, cancellationToken))
        {
            return false;
        }

        var described = await DescribeAsync(authorization, cancellationToken);
        await authorizations.TryRevokeAsync(authorization, cancellationToken);
        await tokens.RevokeByAuthorizationIdAsync(authorizationId, cancellationToken);
        AddAudit(described.CompanyId, new AuditActor(userId, userName), AuditActions.ApplicationRevoked, userId, userName, described.ApplicationName, string.Join(" ", described.Scopes));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("User {UserId} revoked authorization {AuthorizationId}", userId, authorizationId);
        return true;
    }

    public static Guid? TenantOf(IReadOnlyDictionary<string, JsonElement> properties) => OAuthApplications.OwnerOf(properties);

    private void AddAudit(Guid? tenantId, AuditActor actor, string action, Guid userId, string userName, string applicationName, string scopes) =>
        audit.Add(tenantId, actor, action, userId, userName, after: $"{applicationName}: {scopes}");

    private async Task<ConnectedApplication> DescribeAsync(object authorization, CancellationToken cancellationToken)
    {
        var applicationId = await authorizations.GetApplicationIdAsync(authorization, cancellationToken);
        var application = applicationId is null ? null : await applications.FindByIdAsync(applicationId, cancellationToken);
        var name = application is null ? "(deleted application)" : await applications.GetDisplayNameAsync(application, cancellationToken) ?? applicationId!;
        var tenantId = TenantOf(await authorizations.GetPropertiesAsync(authorization, cancellationToken));
        var company = tenantId is { } id ? await tenants.FindByIdAsync(id, cancellationToken) : null;
        return new ConnectedApplication(
            (await authorizations.GetIdAsync(authorization, cancellationToken))!,
            name,
            tenantId,
            company?.Name,
            (await authorizations.GetScopesAsync(authorization, cancellationToken)).ToList(),
            (await authorizations.GetCreationDateAsync(authorization, cancellationToken))?.UtcDateTime);
    }
}
