using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Saas.Identity.Audit;
using Saas.Identity.Storage;
using Saas.Identity.Users;
using Saas.Tenancy.Catalog;

namespace Saas.Identity;

/// <summary>A membership as shown to its user (tenant switcher) and to administrators.</summary>
public sealed record MembershipInfo(Guid TenantId, string TenantIdentifier, string TenantName, string Role, TenantStatus TenantStatus);

/// <summary>An invitation just made: send <see cref="Token"/> to the person (e.g. /accept-invitation?token=…); it is not stored.</summary>
public sealed record InvitationTicket(Guid InvitationId, Guid UserId, Guid TenantId, string Role, string Token, DateTime ExpiresUtc, bool NewUser);

/// <summary>
/// Users, memberships and invitations for onboarding, seeding and tenant administration. Refusals are
/// <see cref="IdentityValidationException"/>s naming the field and the reason.
/// </summary>
public sealed class IdentityAdministration(
    UserManager<SaasUser> users,
    IdentityDb db,
    CatalogDbContext catalogDb,
    TenantCatalog catalog,
    IdentitySettings settings,
    TimeProvider clock,
    AuditTrail audit,
    ILogger<IdentityAdministration> logger)
{
    public async Task<SaasUser> CreateUserAsync(string email, string displayName, string? password = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var user = NewUser(email, displayName);
        var result = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        ThrowIfFailed(result);
        logger.LogInformation("Created user {UserId}", user.Id);
        return user;
    }

    /// <summary>Adds the user to the tenant, or changes the role when the membership exists (one per tenant and user).</summary>
    public async Task<TenantMembership> AddMembershipAsync(Guid userId, Guid tenantId, string role, CancellationToken cancellationToken = default)
    {
        var canonicalRole = RequireTenantRole(role);
        await RequireUserAsync(userId, cancellationToken);
        if (await catalog.FindByIdAsync(tenantId, cancellationToken) is null)
        {
            throw new IdentityValidationException("tenantId", "No such tenant.");
        }

        var membership = await db.TenantMemberships.SingleOrDefaultAsync(m => m.UserId == userId && m.TenantId == tenantId, cancellationToken);
        if (membership is null)
        {
            membership = new TenantMembership { UserId = userId, TenantId = tenantId, Role = canonicalRole, CreatedUtc = clock.GetUtcNow().UtcDateTime };
            db.TenantMemberships.Add(membership);
        }
        else
        {
            membership.Role = canonicalRole;
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("User {UserId} is {Role} of tenant {TenantId}", userId, canonicalRole, tenantId);
        return membership;
    }

    public async Task<ResellerMembership> AddResellerAdminAsync(Guid userId, Guid resellerId, CancellationToken cancellationToken = default)
    {
        await RequireUserAsync(userId, cancellationToken);
        if (!await catalogDb.Resellers.AnyAsync(r => r.Id == resellerId, cancellationToken))
        {
            throw new IdentityValidationException("resellerId", "No such reseller.");
        }

        var membership = await db.ResellerMemberships.SingleOrDefaultAsync(m => m.UserId == userId && m.ResellerId == resellerId, cancellationToken);
        if (membership is null)
        {
            membership = new ResellerMembership { UserId = userId, ResellerId = resellerId, CreatedUtc = clock.GetUtcNow().UtcDateTime };
            db.ResellerMemberships.Add(membership);
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("User {UserId} administers reseller {ResellerId}", userId, resellerId);
        }

        return membership;
    }

    public async Task MakeOperatorAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var user = await RequireUserAsync(userId, cancellationToken);
        if (!user.IsOperator)
        {
            user.IsOperator = true;
            ThrowIfFailed(await users.UpdateAsync(user));
            logger.LogWarning("User {UserId} was made an operator", userId);
        }
    }

    public async Task<IReadOnlyList<MembershipInfo>> ListMembershipsAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var memberships = await db.TenantMemberships.AsNoTracking()
            .Where(m => m.UserId == userId)
            .OrderBy(m => m.CreatedUtc).ThenBy(m => m.Id)
            .ToListAsync(cancellationToken);
        var tenantIds = memberships.Select(m => m.TenantId).ToList();
        var tenants = await catalogDb.Tenants.AsNoTracking()
            .Where(t => tenantIds.Contains(t.Id))
            .ToDictionaryAsync(t => t.Id, cancellationToken);
        return memberships
            .Where(m => tenants.ContainsKey(m.TenantId))
            .Select(m => new MembershipInfo(m.TenantId, tenants[m.TenantId].Identifier, tenants[m.TenantId].Name, m.Role, tenants[m.TenantId].Status))
            .ToList();
    }

    /// <summary>
    /// Creates the person (without a password) if new and returns a one-time token that lets them join the
    /// tenant with <paramref name="role"/> within <see cref="IdentitySettings.InvitationLifetime"/>. No membership
    /// is made here: it starts when the person accepts (<see cref="AcceptInvitationAsync"/>), so an invitation
    /// can never put an existing person into a company they did not agree to join. An open invitation of the same
    /// person to the same company is replaced (its link stops working).
    /// </summary>
    public async Task<InvitationTicket> InviteAsync(
        string email, Guid tenantId, string role, AuditActor? invitedBy = null, CancellationToken cancellationToken = default)
    {
        var canonicalRole = RequireTenantRole(role);
        if (await catalog.FindByIdAsync(tenantId, cancellationToken) is null)
        {
            throw new IdentityValidationException("tenantId", "No such tenant.");
        }

        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        if (user is not null && await db.TenantMemberships.AnyAsync(m => m.UserId == user.Id && m.TenantId == tenantId, cancellationToken))
        {
            throw new IdentityValidationException("email", "This person is already a member of the company; change their role instead.");
        }

        var isNew = user is null;
        user ??= await CreateUserAsync(email, email.Trim(), password: null, cancellationToken);

        var token = OneTimeSecrets.Create();
        var now = clock.GetUtcNow().UtcDateTime;
        var actor = invitedBy ?? AuditActor.System;
        var invitation = new Invitation
        {
            UserId = user.Id,
            TenantId = tenantId,
            Role = canonicalRole,
            InvitedByUserId = actor.UserId,
            TokenHash = OneTimeSecrets.Hash(token),
            CreatedUtc = now,
            ExpiresUtc = now + settings.InvitationLifetime,
        };
        // Inviting again replaces the person's open invitation to this company: only the newest link (and role) works.
        var replaced = await db.Invitations
            .Where(i => i.UserId == user.Id && i.TenantId == tenantId && i.AcceptedUtc == null)
            .ToListAsync(cancellationToken);
        db.Invitations.RemoveRange(replaced);
        db.Invitations.Add(invitation);
        audit.Add(tenantId, actor, AuditActions.InvitationSent, user.Id, user.Email ?? "",
            before: replaced.Count > 0 ? replaced.MaxBy(i => i.CreatedUtc)!.Role : null, after: canonicalRole);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Invited user {UserId} to tenant {TenantId} as {Role}", user.Id, tenantId, canonicalRole);
        return new InvitationTicket(invitation.Id, user.Id, tenantId, canonicalRole, token, invitation.ExpiresUtc, isNew);
    }

    /// <summary>
    /// Redeems an invitation once and only then makes the membership. A new person sets their password here.
    /// A person who already has an account proves it is them: either they are signed in as that account
    /// (<paramref name="signedInUserId"/>), or they enter its password (failures count towards lockout), so an
    /// invitation link alone can never take over an account or add a company to someone else's.
    /// </summary>
    /// <param name="displayName">The new person's name as they give it on the invitation page (required there;
    /// null keeps the name the invitation made, for callers that do not ask). Ignored for an existing account.</param>
    public async Task<SaasUser> AcceptInvitationAsync(
        string token, string? password, Guid? signedInUserId = null, CancellationToken cancellationToken = default, string? displayName = null)
    {
        if (string.IsNullOrEmpty(token))
        {
            throw new IdentityValidationException("token", "The invitation token is required.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var hash = OneTimeSecrets.Hash(token);
        var invitation = await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        if (invitation is null || invitation.AcceptedUtc is not null || invitation.ExpiresUtc <= now)
        {
            throw new IdentityValidationException("token", "The invitation is invalid, expired or already used.");
        }

        if (signedInUserId is { } signedIn && signedIn != invitation.UserId)
        {
            throw new IdentityValidationException("token", "This invitation is for another person. Sign out, then open the link again.");
        }

        var user = await RequireUserAsync(invitation.UserId, cancellationToken);
        if (await users.HasPasswordAsync(user))
        {
            if (signedInUserId != user.Id)
            {
                await RequirePasswordAsync(user, password);
            }
        }
        else
        {
            if (displayName is not null)
            {
                // Checked before the password is set, so that a refused name leaves the account as it was.
                user.DisplayName = RequireDisplayName(displayName);
            }

            if (string.IsNullOrEmpty(password))
            {
                throw new IdentityValidationException("password", "A password is required.");
            }

            // Saves the name with the password (AddPasswordAsync updates the whole user).
            ThrowIfFailed(await users.AddPasswordAsync(user, password));
        }

        if (!user.EmailConfirmed)
        {
            // Receiving the link proves the address.
            user.EmailConfirmed = true;
            ThrowIfFailed(await users.UpdateAsync(user));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Conditional update so that two simultaneous redemptions cannot both succeed.
        var redeemed = await db.Invitations
            .Where(i => i.Id == invitation.Id && i.AcceptedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedUtc, now), cancellationToken);
        if (redeemed == 0)
        {
            throw new IdentityValidationException("token", "The invitation is invalid, expired or already used.");
        }

        // Other invitations of this person to this company are spent with this one: a second link kept from
        // earlier must not set the role again later (e.g. after an administrator demoted the person).
        await db.Invitations
            .Where(i => i.UserId == user.Id && i.TenantId == invitation.TenantId && i.AcceptedUtc == null && i.Id != invitation.Id)
            .ExecuteDeleteAsync(cancellationToken);

        var membership = await db.TenantMemberships.SingleOrDefaultAsync(m => m.UserId == user.Id && m.TenantId == invitation.TenantId, cancellationToken);
        var before = membership?.Role;
        if (membership is null)
        {
            // The membership takes the invitation's id: the person keeps the id the people list showed while invited.
            db.TenantMemberships.Add(new TenantMembership { Id = invitation.Id, UserId = user.Id, TenantId = invitation.TenantId, Role = invitation.Role, CreatedUtc = now });
        }
        else
        {
            membership.Role = invitation.Role;
        }

        audit.Add(invitation.TenantId, new AuditActor(user.Id, user.Email ?? ""), AuditActions.InvitationAccepted, user.Id, user.Email ?? "", before, invitation.Role);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("User {UserId} accepted the invitation to tenant {TenantId} as {Role}", user.Id, invitation.TenantId, invitation.Role);
        return user;
    }

    private async Task RequirePasswordAsync(SaasUser user, string? password)
    {
        const string Reason = "This account already has a password: sign in, or enter it here, to accept the invitation.";
        if (string.IsNullOrEmpty(password) || await users.IsLockedOutAsync(user))
        {
            throw new IdentityValidationException("password", Reason);
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            // Counts like a failed sign-in: the accept page must not be a way around lockout.
            await users.AccessFailedAsync(user);
            throw new IdentityValidationException("password", Reason);
        }

        await users.ResetAccessFailedCountAsync(user);
    }

    private static string RequireDisplayName(string displayName)
    {
        var name = displayName.Trim();
        return name.Length switch
        {
            0 => throw new IdentityValidationException("displayName", "Your name is required."),
            > 100 => throw new IdentityValidationException("displayName", "At most 100 characters."),
            _ => name,
        };
    }

    private static SaasUser NewUser(string email, string displayName)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            throw new IdentityValidationException("email", "An e-mail address is required.");
        }

        var name = displayName?.Trim() ?? "";
        if (name.Length > 100)
        {
            throw new IdentityValidationException("displayName", "At most 100 characters.");
        }

        var address = email.Trim();
        return new SaasUser { Id = Guid.CreateVersion7(), UserName = address, Email = address, DisplayName = name.Length > 0 ? name : address };
    }

    private static string RequireTenantRole(string role) =>
        SaasRoles.NormalizeTenantRole(role)
        ?? throw new IdentityValidationException("role", $"'{role}' is not a tenant role; use one of: {string.Join(", ", SaasRoles.TenantRoles)}.");

    private async Task<SaasUser> RequireUserAsync(Guid userId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return await users.FindByIdAsync(userId.ToString()) ?? throw new IdentityValidationException("userId", "No such user.");
    }

    /// <summary>Turns Identity's error codes into the field they concern.</summary>
    private static void ThrowIfFailed(IdentityResult result)
    {
        if (result.Succeeded)
        {
            return;
        }

        var error = result.Errors.First();
        var field = error.Code switch
        {
            var code when code.StartsWith("Password", StringComparison.Ordinal) => "password",
            var code when code.Contains("Email", StringComparison.Ordinal) || code.Contains("UserName", StringComparison.Ordinal) => "email",
            "ConcurrencyFailure" => "user",
            _ => "user",
        };
        throw new IdentityValidationException(field, string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
