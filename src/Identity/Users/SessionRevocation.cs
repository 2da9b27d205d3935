using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using Saas.Identity.Storage;
using Saas.Tenancy.Catalog;

namespace Saas.Identity.Users;

/// <summary>
/// Ends the tokens of a company that is suspended: its API clients' tokens and every token and authorization of
/// its members. Access tokens are checked against the token store on each request, so they stop at once and
/// stay dead after a reactivation (people sign in again). A member's tokens for their other companies end
/// too: a token does not say in the store which company it was for, and signing in again is the safe side.
/// </summary>
public sealed class SessionRevocation(IdentityDb db, IOpenIddictTokenManager tokens, IOpenIddictAuthorizationManager authorizations, IOpenIddictApplicationManager applications, ILogger<SessionRevocation> logger)
    : ITenantStatusObserver
{
    public async Task StatusChangedAsync(TenantInfo tenant, TenantStatus previous, CancellationToken cancellationToken)
    {
        if (tenant.Status != TenantStatus.Suspended)
        {
            return;
        }

        var members = await db.TenantMemberships.AsNoTracking().Where(m => m.TenantId == tenant.Id).Select(m => m.UserId).ToListAsync(cancellationToken);
        foreach (var userId in members)
        {
            await RevokeSubjectAsync(userId.ToString(), cancellationToken);
        }

        var clientIds = await db.ApiClients.AsNoTracking().Where(c => c.TenantId == tenant.Id).Select(c => c.ClientId).ToListAsync(cancellationToken);
        foreach (var clientId in clientIds)
        {
            if (await applications.FindByClientIdAsync(clientId, cancellationToken) is { } application
                && await applications.GetIdAsync(application, cancellationToken) is { } applicationId)
            {
                await tokens.RevokeByApplicationIdAsync(applicationId, cancellationToken);
            }
        }

        logger.LogInformation("Company {TenantId} suspended: tokens of {Members} member(s) and {Clients} API client(s) revoked", tenant.Id, members.Count, clientIds.Count);
    }

    /// <summary>Every token and authorization of one person (or API client subject).</summary>
    public async Task RevokeSubjectAsync(string subject, CancellationToken cancellationToken)
    {
        await authorizations.RevokeBySubjectAsync(subject, cancellationToken);
        await tokens.RevokeBySubjectAsync(subject, cancellationToken);
    }
}
