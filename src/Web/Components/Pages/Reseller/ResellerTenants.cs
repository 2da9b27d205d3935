using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Saas.Identity;
using Saas.Tenancy.Catalog;

namespace Saas.Web.Components.Pages.Reseller;

/// <summary>
/// The companies a partner may see and manage: those onboarded by any reseller the signed-in person
/// administers. Every page action goes through here, so a tenant id typed or posted by hand can never
/// reach another partner's company.
/// </summary>
internal static class ResellerTenants
{
    public static IReadOnlyList<Guid> ResellerIds(ClaimsPrincipal user) =>
        user.FindAll(SaasClaims.ResellerId).Select(c => Guid.TryParse(c.Value, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToList();

    public static IQueryable<TenantInfo> Visible(CatalogDbContext catalog, ClaimsPrincipal user)
    {
        var resellers = ResellerIds(user);
        return catalog.Tenants.AsNoTracking().Where(t => t.ResellerId != null && resellers.Contains(t.ResellerId.Value));
    }
}
