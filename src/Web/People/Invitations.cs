using System.Net.Mail;
using Saas.Identity;
using Saas.Identity.Audit;
using Saas.Identity.People;
using Saas.Tenancy.Catalog;
using Saas.Web.Mail;

namespace Saas.Web.People;

/// <summary>An invitation made and (perhaps) mailed. <see cref="Path"/> is the one-time link; it is stored only as a hash.</summary>
public sealed record SentInvitation(InvitationTicket Ticket, string Email, string Path, bool MailSent);

/// <summary>
/// Invites a person to a company by e-mail, for company administrators, resellers and onboarding alike: the
/// invitation is stored (with its audit entry), then the link is mailed to the address, where only that person reads it.
/// </summary>
public sealed class Invitations(IdentityAdministration identity, CompanyPeople people, TenantCatalog catalog, AccountMail mail)
{
    /// <summary>The page the link opens (AcceptInvitation on the account endpoints answers its form).</summary>
    public const string Page = "/account/invitation";

    public async Task<SentInvitation> InviteAsync(Guid tenantId, string? email, string? role, AuditActor actor, CancellationToken cancellationToken)
    {
        var address = RequireAddress(email, "email");
        var ticket = await identity.InviteAsync(address, tenantId, role ?? "", actor, cancellationToken);
        var path = $"{Page}?token={Uri.EscapeDataString(ticket.Token)}";
        var company = await catalog.FindByIdAsync(tenantId, cancellationToken);
        var sent = await mail.SendInvitationAsync(address, company?.Name ?? "a company", ticket.Role, path, ticket.ExpiresUtc, cancellationToken);
        return new SentInvitation(ticket, address, path, sent);
    }

    /// <summary>
    /// Sends an invitation that nobody accepted yet again, with a new one-time link and expiry; the old link stops
    /// working. Open and expired invitations alike: resending is how an expired one is renewed.
    /// </summary>
    public async Task<SentInvitation> ResendAsync(Guid tenantId, Guid invitationId, AuditActor actor, CancellationToken cancellationToken)
    {
        var reissued = await people.ReissueInvitationAsync(tenantId, invitationId, actor, cancellationToken);
        var ticket = reissued.Ticket;
        var path = $"{Page}?token={Uri.EscapeDataString(ticket.Token)}";
        var company = await catalog.FindByIdAsync(tenantId, cancellationToken);
        var sent = await mail.SendInvitationAsync(reissued.Email, company?.Name ?? "a company", ticket.Role, path, ticket.ExpiresUtc, cancellationToken);
        return new SentInvitation(ticket, reissued.Email, path, sent);
    }

    /// <summary>A plain address (name@domain): MailAddress also accepts display forms, which are not addresses here.</summary>
    public static string RequireAddress(string? email, string field)
    {
        var trimmed = email?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > 256 || !MailAddress.TryCreate(trimmed, out var address) || address.Address != trimmed
            || trimmed.Any(char.IsControl))
        {
            throw new IdentityValidationException(field, "An e-mail address (name@domain) is required.");
        }

        return trimmed;
    }
}
