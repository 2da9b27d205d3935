using System.Security.Claims;
using Saas.Identity;

namespace Saas.Web.Components;

/// <summary>The signed-in person's id, for what is kept per person (saved views, jobs); empty when there is none.</summary>
public static class CurrentUser
{
    public static Guid Id(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(SaasClaims.Subject), out var id) ? id : Guid.Empty;
}
