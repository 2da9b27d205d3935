using System.Security.Claims;
using Saas.Identity;
using Saas.Identity.Audit;

namespace Saas.Web.People;

/// <summary>The audit log's "who" for a request: the signed-in person, or the API client acting for a company.</summary>
public static class Actors
{
    public static AuditActor Of(ClaimsPrincipal user)
    {
        var sub = user.FindFirstValue(SaasClaims.Subject);
        var name = user.FindFirstValue(SaasClaims.Email) is { Length: > 0 } email ? email : sub ?? "unknown";
        return new AuditActor(Guid.TryParse(sub, out var id) ? id : null, name);
    }
}
