using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Saas.Identity.Audit;
using Saas.Identity.Storage;
using Saas.Identity.Users;

namespace Saas.Identity.People;

/// <summary>How a person stands in a company, in the words the people page shows.</summary>
public static class PersonStatus
{
    public const string Active = "Active";
    public const string Locked = "Locked";

    /// <summary>Invited, not yet accepted: no membership exists, nobody can sign in to the company as them.</summary>
    public const string Invited = "Invited";
}

/// <param name="Id">
/// The person in this company: the membership's id (for an open invitation, the invitation's, which the membership takes
/// on acceptance). Company-specific, so one person in two companies has two ids and no id reaches across.
/// </param>
public sealed record PersonRow(
    Guid Id, Guid UserId, string Email, string DisplayName, string Role, string Status, DateTime? LastSignInUtc, DateTime? InvitationExpiresUtc);

public sealed record PeoplePage(IReadOnlyList<PersonRow> People, int Count);

/// <summary>Whether a not yet accepted invitation's link still works.</summary>
public static class InvitationState
{
    public const string Open = "Open";
    public const string Expired = "Expired";
}

/// <summary>
/// An invitation nobody has accepted yet. <see cref="Id"/> is the person's id in this company while invited (the
/// membership takes it on acceptance), so <c>people({id})</c> withdraws or resends it.
/// </summary>
public sealed record InvitationRow(
    Guid Id, Guid UserId, string Email, string Role, string InvitedBy, DateTime SentUtc, DateTime ExpiresUtc, string State);

public sealed record InvitationsPage(IReadOnlyList<InvitationRow> Invitations, int Count);

/// <summary>A fresh one-time link for an invitation; the old link stopped working when this was made.</summary>
public sealed record ReissuedInvitation(InvitationTicket Ticket, string Email);

/// <summary>A refusal that is not about input: the person is not in this company, or the change would leave it without an administrator.</summary>
public sealed class PeopleConflictException(string field, string reason) : Exception(reason)
{
    public string Field { get; } = field;
    public string Reason { get; } = reason;
}

/// <summary>
/// The people of one company, for its administrators (and, limited to administrators, for its reseller). Every
/// method takes the company from the caller's session, never from a body, and finds the person only through a
/// membership of that company, so no call can reach or grant anything in another company. Each change is
/// written with its audit entry in one SaveChanges.
/// </summary>
public sealed class CompanyPeople(
    IdentityDb db, AuditTrail audit, SessionRevocation sessions, IdentitySettings settings, TimeProvider clock, ILogger<CompanyPeople> logger)
{
    /// <param name="role">Only people with this role (the reseller's view: administrators), or null for everyone.</param>
    public async Task<PeoplePage> ListAsync(Guid tenantId, string? search, string? role, int skip, int top, CancellationToken cancellationToken)
    {
        var members =
            from m in db.TenantMemberships.AsNoTracking()
            join u in db.Users.AsNoTracking() on m.UserId equals u.Id
            where m.TenantId == tenantId
            select new { MembershipId = m.Id, u.Id, u.Email, u.DisplayName, m.Role, m.LockedUtc, m.LastSignInUtc };
        var now = clock.GetUtcNow().UtcDateTime;
        var invited =
            from i in db.Invitations.AsNoTracking()
            join u in db.Users.AsNoTracking() on i.UserId equals u.Id
            where i.TenantId == tenantId && i.AcceptedUtc == null && i.ExpiresUtc > now
                  && !db.TenantMemberships.Any(m => m.TenantId == tenantId && m.UserId == i.UserId)
            select new { InvitationId = i.Id, u.Id, u.Email, u.DisplayName, i.Role, i.ExpiresUtc };
        if (role is not null)
        {
            members = members.Where(m => m.Role == role);
            invited = invited.Where(i => i.Role == role);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = "%" + search.Trim().ToLowerInvariant() + "%";
            members = members.Where(m => EF.Functions.Like(m.Email!.ToLower(), pattern) || EF.Functions.Like(m.DisplayName.ToLower(), pattern));
            invited = invited.Where(i => EF.Functions.Like(i.Email!.ToLower(), pattern) || EF.Functions.Like(i.DisplayName.ToLower(), pattern));
        }

        // A small company's people fit in memory; the union of members and open invitations is paged here.
        var rows = (await members.ToListAsync(cancellationToken))
            .Select(m => new PersonRow(m.MembershipId, m.Id, m.Email ?? "", m.DisplayName, m.Role, m.LockedUtc is null ? PersonStatus.Active : PersonStatus.Locked, m.LastSignInUtc, null))
            .Concat((await invited.ToListAsync(cancellationToken))
                .GroupBy(i => i.Id)
                .Select(g => g.OrderByDescending(i => i.ExpiresUtc).First())
                .Select(i => new PersonRow(i.InvitationId, i.Id, i.Email ?? "", i.DisplayName, i.Role, PersonStatus.Invited, null, i.ExpiresUtc)))
            .OrderBy(p => p.Email, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new PeoplePage(rows.Skip(Math.Max(skip, 0)).Take(Math.Clamp(top, 1, 1000)).ToList(), rows.Count);
    }

    public async Task<PersonRow> ChangeRoleAsync(Guid tenantId, Guid personId, string? role, AuditActor actor, CancellationToken cancellationToken)
    {
        var canonical = SaasRoles.NormalizeTenantRole(role)
            ?? throw new IdentityValidationException("role", $"Use one of: {string.Join(", ", SaasRoles.TenantRoles)}.");
        var (membership, user) = await RequireMemberAsync(tenantId, personId, cancellationToken);
        var userId = membership.UserId;
        var before = membership.Role;
        if (before != canonical)
        {
            if (before == SaasRoles.Administrator)
            {
                await RequireAnotherAdministratorAsync(tenantId, userId, "role", cancellationToken);
            }

            membership.Role = canonical;
            audit.Add(tenantId, actor, AuditActions.RoleChanged, userId, user.Email ?? "", before, canonical);
            await RevokeSessionsAsync(userId, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Role of user {UserId} in tenant {TenantId} changed from {Before} to {After}", userId, tenantId, before, canonical);
        }

        return Row(membership, user);
    }

    /// <summary>Removes a member; for an invited person (the id of an open invitation) withdraws the invitation instead.</summary>
    public async Task RemoveAsync(Guid tenantId, Guid personId, AuditActor actor, CancellationToken cancellationToken)
    {
        if (!await db.TenantMemberships.AnyAsync(m => m.TenantId == tenantId && m.Id == personId, cancellationToken)
            && await InvitationRoleAsync(tenantId, personId, cancellationToken) is not null)
        {
            await WithdrawInvitationAsync(tenantId, personId, actor, cancellationToken);
            return;
        }

        var (membership, user) = await RequireMemberAsync(tenantId, personId, cancellationToken);
        var userId = membership.UserId;
        if (membership.Role == SaasRoles.Administrator)
        {
            await RequireAnotherAdministratorAsync(tenantId, userId, "userId", cancellationToken);
        }

        db.TenantMemberships.Remove(membership);
        audit.Add(tenantId, actor, AuditActions.Removed, userId, user.Email ?? "", membership.Role, null);
        await RevokeSessionsAsync(userId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("User {UserId} removed from tenant {TenantId}", userId, tenantId);
    }

    public async Task<PersonRow> SetLockedAsync(Guid tenantId, Guid personId, bool locked, AuditActor actor, CancellationToken cancellationToken)
    {
        var (membership, user) = await RequireMemberAsync(tenantId, personId, cancellationToken);
        var userId = membership.UserId;
        if (locked == membership.LockedUtc is not null)
        {
            return Row(membership, user);
        }

        if (locked && membership.Role == SaasRoles.Administrator)
        {
            await RequireAnotherAdministratorAsync(tenantId, userId, "userId", cancellationToken);
        }

        membership.LockedUtc = locked ? clock.GetUtcNow().UtcDateTime : null;
        audit.Add(tenantId, actor, locked ? AuditActions.Locked : AuditActions.Unlocked, userId, user.Email ?? "",
            locked ? PersonStatus.Active : PersonStatus.Locked, locked ? PersonStatus.Locked : PersonStatus.Active);
        if (locked)
        {
            await RevokeSessionsAsync(userId, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("User {UserId} {Change} in tenant {TenantId}", userId, locked ? "locked" : "unlocked", tenantId);
        return Row(membership, user);
    }

    /// <summary>
    /// The company's invitations nobody has accepted yet, open or expired (newest first), with who sent them; an
    /// invitation of someone who has since become a member by another one is not listed.
    /// </summary>
    /// <param name="role">Only invitations granting this role (the reseller's view: administrators), or null for all.</param>
    public async Task<InvitationsPage> ListInvitationsAsync(Guid tenantId, string? search, string? role, int skip, int top, CancellationToken cancellationToken)
    {
        var query =
            from i in db.Invitations.AsNoTracking()
            join u in db.Users.AsNoTracking() on i.UserId equals u.Id
            from inviter in db.Users.AsNoTracking().Where(b => b.Id == i.InvitedByUserId).DefaultIfEmpty()
            where i.TenantId == tenantId && i.AcceptedUtc == null
                  && !db.TenantMemberships.Any(m => m.TenantId == tenantId && m.UserId == i.UserId)
            select new { i.Id, i.UserId, u.Email, i.Role, InvitedBy = inviter == null ? null : inviter.Email, i.CreatedUtc, i.ExpiresUtc };
        if (role is not null)
        {
            query = query.Where(i => i.Role == role);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = "%" + search.Trim().ToLowerInvariant() + "%";
            query = query.Where(i => EF.Functions.Like(i.Email!.ToLower(), pattern));
        }

        var count = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(i => i.CreatedUtc).ThenBy(i => i.Id)
            .Skip(Math.Max(skip, 0)).Take(Math.Clamp(top, 1, 1000)).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return new InvitationsPage(
            rows.Select(i => new InvitationRow(
                i.Id, i.UserId, i.Email ?? "", i.Role, i.InvitedBy ?? AuditActor.System.Name, i.CreatedUtc, i.ExpiresUtc,
                i.ExpiresUtc > now ? InvitationState.Open : InvitationState.Expired)).ToList(),
            count);
    }

    /// <summary>The role a not yet accepted invitation of this company grants, or null when there is no such invitation.</summary>
    public Task<string?> InvitationRoleAsync(Guid tenantId, Guid invitationId, CancellationToken cancellationToken) =>
        db.Invitations.AsNoTracking().Where(i => i.TenantId == tenantId && i.Id == invitationId && i.AcceptedUtc == null)
            .Select(i => i.Role).SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Withdraws an invitation that has not been accepted (open or expired): its link then fails like a used one and
    /// nothing else changes. The delete is conditional, so an acceptance at the same moment wins or loses as a whole.
    /// </summary>
    public async Task WithdrawInvitationAsync(Guid tenantId, Guid invitationId, AuditActor actor, CancellationToken cancellationToken)
    {
        var (invitation, email) = await RequireInvitationAsync(tenantId, invitationId, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var withdrawn = await db.Invitations.Where(i => i.Id == invitation.Id && i.AcceptedUtc == null).ExecuteDeleteAsync(cancellationToken);
        if (withdrawn == 0)
        {
            throw NoInvitation();
        }

        audit.Add(tenantId, actor, AuditActions.InvitationWithdrawn, invitation.UserId, email, invitation.Role, null);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Invitation {InvitationId} of user {UserId} to tenant {TenantId} withdrawn", invitation.Id, invitation.UserId, tenantId);
    }

    /// <summary>
    /// A new one-time link with a new expiry for an invitation that has not been accepted; the old link's hash is
    /// replaced, so it stops working. The invitation keeps its id (the person's id while invited) and its role.
    /// </summary>
    public async Task<ReissuedInvitation> ReissueInvitationAsync(Guid tenantId, Guid invitationId, AuditActor actor, CancellationToken cancellationToken)
    {
        var (invitation, email) = await RequireInvitationAsync(tenantId, invitationId, cancellationToken);
        if (await db.TenantMemberships.AnyAsync(m => m.TenantId == tenantId && m.UserId == invitation.UserId, cancellationToken))
        {
            // A leftover invitation of someone who joined by another one: a fresh link would only set their role again.
            throw NoInvitation();
        }

        var token = OneTimeSecrets.Create();
        var hash = OneTimeSecrets.Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        var expires = now + settings.InvitationLifetime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var reissued = await db.Invitations.Where(i => i.Id == invitation.Id && i.AcceptedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.TokenHash, hash).SetProperty(i => i.CreatedUtc, now).SetProperty(i => i.ExpiresUtc, expires), cancellationToken);
        if (reissued == 0)
        {
            throw NoInvitation();
        }

        audit.Add(tenantId, actor, AuditActions.InvitationResent, invitation.UserId, email,
            $"{invitation.Role} until {invitation.ExpiresUtc:yyyy-MM-dd HH:mm} UTC", $"{invitation.Role} until {expires:yyyy-MM-dd HH:mm} UTC");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Invitation {InvitationId} of user {UserId} to tenant {TenantId} resent", invitation.Id, invitation.UserId, tenantId);
        return new ReissuedInvitation(new InvitationTicket(invitation.Id, invitation.UserId, tenantId, invitation.Role, token, expires, NewUser: false), email);
    }

    private async Task<(Invitation Invitation, string Email)> RequireInvitationAsync(Guid tenantId, Guid invitationId, CancellationToken cancellationToken)
    {
        var found = await (
                from i in db.Invitations.AsNoTracking()
                join u in db.Users.AsNoTracking() on i.UserId equals u.Id
                where i.TenantId == tenantId && i.Id == invitationId && i.AcceptedUtc == null
                select new { Invitation = i, u.Email })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null ? throw NoInvitation() : (found.Invitation, found.Email ?? "");
    }

    private static PeopleConflictException NoInvitation() => new("id", "No such open invitation in this company.");

    /// <summary>The person's role in the company, or null when they are not a member (for the reseller's administrators-only view).</summary>
    public Task<string?> RoleOfAsync(Guid tenantId, Guid personId, CancellationToken cancellationToken) =>
        db.TenantMemberships.AsNoTracking().Where(m => m.TenantId == tenantId && m.Id == personId).Select(m => m.Role).SingleOrDefaultAsync(cancellationToken);

    private async Task<(TenantMembership Membership, SaasUser User)> RequireMemberAsync(Guid tenantId, Guid personId, CancellationToken cancellationToken)
    {
        var membership = await db.TenantMemberships.SingleOrDefaultAsync(m => m.TenantId == tenantId && m.Id == personId, cancellationToken);
        var user = membership is null ? null : await db.Users.SingleOrDefaultAsync(u => u.Id == membership.UserId, cancellationToken);
        if (membership is null || user is null)
        {
            throw new PeopleConflictException("userId", "No such person in this company.");
        }

        return (membership, user);
    }

    /// <summary>A company must keep one administrator who can sign in, or nobody could manage its people again.</summary>
    private async Task RequireAnotherAdministratorAsync(Guid tenantId, Guid userId, string field, CancellationToken cancellationToken)
    {
        var others = await db.TenantMemberships.CountAsync(
            m => m.TenantId == tenantId && m.UserId != userId && m.Role == SaasRoles.Administrator && m.LockedUtc == null, cancellationToken);
        if (others == 0)
        {
            throw new IdentityValidationException(field, "The company's last administrator cannot be removed, locked or given another role.");
        }
    }

    /// <summary>
    /// The person's tokens end at once (OpenIddict's token store does not record the company a token was for, so
    /// their tokens for other companies end too and they sign in again); the cookie re-check (5 minutes) ends
    /// browser sessions for this company.
    /// </summary>
    private Task RevokeSessionsAsync(Guid userId, CancellationToken cancellationToken) =>
        sessions.RevokeSubjectAsync(userId.ToString(), cancellationToken);

    private static PersonRow Row(TenantMembership m, SaasUser u) =>
        new(m.Id, u.Id, u.Email ?? "", u.DisplayName, m.Role, m.LockedUtc is null ? PersonStatus.Active : PersonStatus.Locked, m.LastSignInUtc, null);
}
