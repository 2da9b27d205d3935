using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Saas.Identity.Storage;
using Saas.Tenancy.Catalog;

namespace Saas.Identity.Users;

public enum SessionRefusal
{
    None,

    /// <summary>The requested tenant does not exist or the user holds no membership in it (indistinguishable on purpose).</summary>
    NotMember,

    TenantSuspended,

    /// <summary>The user has no membership at all and is neither reseller admin nor operator.</summary>
    NoTenant,
}

/// <summary>Who is signing in and for which tenant, with the role held there.</summary>
public sealed record Session(SaasUser User, TenantInfo? Tenant, string? Role, IReadOnlyList<Guid> ResellerIds)
{
    /// <summary>The claims of a signed-in user, shared by access tokens and the web cookie.</summary>
    public List<Claim> ToClaims()
    {
        var claims = new List<Claim>
        {
            new(SaasClaims.Subject, User.Id.ToString()),
            new(SaasClaims.Name, string.IsNullOrWhiteSpace(User.DisplayName) ? User.Email ?? "" : User.DisplayName),
            new(SaasClaims.Email, User.Email ?? ""),
        };
        if (Tenant is not null && Role is not null)
        {
            claims.Add(new(SaasClaims.TenantId, Tenant.Id.ToString()));
            claims.Add(new(SaasClaims.Tenant, Tenant.Identifier));
            claims.Add(new(SaasClaims.Role, Role));
        }

        claims.AddRange(ResellerIds.Select(id => new Claim(SaasClaims.ResellerId, id.ToString())));
        if (User.IsOperator)
        {
            claims.Add(new(SaasClaims.Operator, "true"));
        }

        return claims;
    }
}

public sealed record SessionResult(Session? Session, SessionRefusal Refusal)
{
    public static SessionResult Refused(SessionRefusal refusal) => new(null, refusal);
}

/// <summary>
/// Decides the tenant and role of a sign-in (password grant, refresh, cookie login, tenant switch), so that
/// the token endpoint and the web UI apply the same rules: member of the tenant, tenant active.
/// </summary>
public sealed class Sessions(IdentityDb db, TenantCatalog catalog, TimeProvider clock)
{
    /// <summary>A sign-in (password, cookie, tenant switch): on success, the membership's last sign-in is recorded.</summary>
    /// <param name="requestedTenant">Tenant id or identifier; null or empty picks the user's first active membership.</param>
    public async Task<SessionResult> OpenAsync(SaasUser user, string? requestedTenant, CancellationToken cancellationToken = default)
    {
        var result = await DecideAsync(user, requestedTenant, cancellationToken);
        if (result.Session is { Tenant: { } tenant })
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await db.TenantMemberships.Where(m => m.UserId == user.Id && m.TenantId == tenant.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LastSignInUtc, now), cancellationToken);
        }

        return result;
    }

    /// <summary>
    /// Membership and tenant status decide; a membership its company's administrator locked counts as none
    /// (the same answer as for a stranger, so a locked person learns nothing about the company).
    /// </summary>
    private async Task<SessionResult> DecideAsync(SaasUser user, string? requestedTenant, CancellationToken cancellationToken)
    {
        var resellerIds = await db.ResellerMemberships.AsNoTracking()
            .Where(m => m.UserId == user.Id)
            .OrderBy(m => m.ResellerId)
            .Select(m => m.ResellerId)
            .ToListAsync(cancellationToken);

        if (!string.IsNullOrWhiteSpace(requestedTenant))
        {
            var tenant = Guid.TryParse(requestedTenant, out var tenantId)
                ? await catalog.FindByIdAsync(tenantId, cancellationToken)
                : await catalog.FindByIdentifierAsync(requestedTenant, cancellationToken);
            if (tenant is null)
            {
                return SessionResult.Refused(SessionRefusal.NotMember);
            }

            var membership = await db.TenantMemberships.AsNoTracking()
                .SingleOrDefaultAsync(m => m.UserId == user.Id && m.TenantId == tenant.Id && m.LockedUtc == null, cancellationToken);
            if (membership is null)
            {
                return SessionResult.Refused(SessionRefusal.NotMember);
            }

            return tenant.Status == TenantStatus.Active
                ? new SessionResult(new Session(user, tenant, membership.Role, resellerIds), SessionRefusal.None)
                : SessionResult.Refused(SessionRefusal.TenantSuspended);
        }

        var memberships = await db.TenantMemberships.AsNoTracking()
            .Where(m => m.UserId == user.Id && m.LockedUtc == null)
            .OrderBy(m => m.CreatedUtc).ThenBy(m => m.Id)
            .ToListAsync(cancellationToken);
        foreach (var membership in memberships)
        {
            var tenant = await catalog.FindByIdAsync(membership.TenantId, cancellationToken);
            if (tenant is { Status: TenantStatus.Active })
            {
                return new SessionResult(new Session(user, tenant, membership.Role, resellerIds), SessionRefusal.None);
            }
        }

        if (resellerIds.Count > 0 || user.IsOperator)
        {
            return new SessionResult(new Session(user, null, null, resellerIds), SessionRefusal.None);
        }

        return SessionResult.Refused(memberships.Count > 0 ? SessionRefusal.TenantSuspended : SessionRefusal.NoTenant);
    }

    /// <summary>Re-opens the session a refresh token was issued for; the role is read again, so changes apply at refresh.</summary>
    public async Task<SessionResult> ReopenAsync(SaasUser user, Guid? tenantId, CancellationToken cancellationToken = default)
    {
        if (tenantId is { } id)
        {
            return await DecideAsync(user, id.ToString(), cancellationToken);
        }

        // A tenant-less session (reseller, operator) stays tenant-less: it must not silently become a tenant session.
        var result = await DecideAsync(user, null, cancellationToken);
        if (result.Session is not { } session)
        {
            return result;
        }

        return session.ResellerIds.Count > 0 || user.IsOperator
            ? new SessionResult(session with { Tenant = null, Role = null }, SessionRefusal.None)
            : SessionResult.Refused(SessionRefusal.NoTenant);
    }
}
