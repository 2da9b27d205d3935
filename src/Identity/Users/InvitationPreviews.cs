using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Saas.Identity.Storage;
using Saas.Tenancy.Catalog;

namespace Saas.Identity.Users;

/// <summary>What the invitation page shows before the person accepts: the company, their address and role.</summary>
/// <param name="HasPassword">The person already has an account (with a password): they prove it is them instead of choosing one.</param>
public sealed record InvitationPreview(string CompanyName, string Email, string DisplayName, string Role, bool HasPassword);

/// <summary>
/// Looks an invitation link up without redeeming it. A link that is unknown, spent or expired gives nothing, so
/// the page offers no form for it; whoever holds a valid link learns only what the e-mail already told them.
/// </summary>
public sealed class InvitationPreviews(IdentityDb db, UserManager<SaasUser> users, TenantCatalog catalog, TimeProvider clock)
{
    public async Task<InvitationPreview?> FindAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var hash = OneTimeSecrets.Hash(token);
        var invitation = await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        if (invitation is null || invitation.AcceptedUtc is not null || invitation.ExpiresUtc <= now)
        {
            return null;
        }

        var user = await users.FindByIdAsync(invitation.UserId.ToString());
        var company = await catalog.FindByIdAsync(invitation.TenantId, cancellationToken);
        if (user is null || company is null)
        {
            return null;
        }

        // A new person's name is their address until they give one (IdentityAdministration.InviteAsync).
        var name = string.Equals(user.DisplayName, user.Email, StringComparison.OrdinalIgnoreCase) ? "" : user.DisplayName;
        return new InvitationPreview(company.Name, user.Email ?? "", name, invitation.Role, await users.HasPasswordAsync(user));
    }
}
