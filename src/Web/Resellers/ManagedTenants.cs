using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Saas.Identity;
using Saas.Tenancy.Catalog;

namespace Saas.Web.Resellers;

/// <summary>
/// The companies a person may see and manage, for the API and the pages alike: the operator all of them, a
/// reseller administrator those onboarded by any reseller it administers. Every action goes through here, so
/// a tenant id typed or posted by hand never reaches another partner's company.
/// </summary>
public static class ManagedTenants
{
    public static bool IsOperator(ClaimsPrincipal user) => user.HasClaim(SaasClaims.Operator, "true");

    public static IReadOnlyList<Guid> ResellerIds(ClaimsPrincipal user) =>
        user.FindAll(SaasClaims.ResellerId)
            .Select(c => Guid.TryParse(c.Value, out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty)
            .ToList();

    public static IQueryable<TenantInfo> Visible(CatalogDbContext catalog, ClaimsPrincipal user)
    {
        var tenants = catalog.Tenants.AsNoTracking();
        if (IsOperator(user))
        {
            return tenants;
        }

        var resellers = ResellerIds(user);
        return tenants.Where(t => t.ResellerId != null && resellers.Contains(t.ResellerId.Value));
    }
}
