using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Saas.Tenancy.Catalog;
using Saas.Tenancy.Context;

namespace Saas.Web.Components;

/// <summary>
/// What the signed-in person may see in the active company, evaluated once per request through the same
/// authorization policies that guard the pages, so the menu never offers a page that would answer 403.
/// </summary>
public sealed class NavigationAccess(IHttpContextAccessor http, IAuthorizationService authorization, TenantContext tenants)
{
    private Dictionary<string, bool>? allowed;

    public ClaimsPrincipal User => http.HttpContext?.User ?? new ClaimsPrincipal(new ClaimsIdentity());

    public bool IsSignedIn => User.Identity?.IsAuthenticated == true;

    public TenantInfo? Company => tenants.Current;

    public string DisplayName =>
        User.FindFirstValue("name") ?? User.FindFirstValue(ClaimTypes.Name) ?? User.FindFirstValue(ClaimTypes.Email) ?? "";

    public string? Role => User.FindFirstValue("role") ?? User.FindFirstValue(ClaimTypes.Role);

    public async Task<bool> AllowsAsync(string policy)
    {
        allowed ??= new Dictionary<string, bool>(StringComparer.Ordinal);
        if (!allowed.TryGetValue(policy, out var result))
        {
            result = IsSignedIn && (await authorization.AuthorizeAsync(User, policy)).Succeeded;
            allowed[policy] = result;
        }

        return result;
    }
}
