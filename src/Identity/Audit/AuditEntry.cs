namespace Saas.Identity.Audit;

/// <summary>
/// One change to people, roles or accounts: who did what to whom, in which company, with the value before
/// and after. Rows are only ever inserted; triggers in the database refuse UPDATE and DELETE.
/// </summary>
public sealed class AuditEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public DateTime OccurredUtc { get; init; }

    /// <summary>The company the change concerns; null for account events of a person in no company.</summary>
    public Guid? TenantId { get; init; }

    public Guid? ActorUserId { get; init; }

    /// <summary>The actor's e-mail address as it was then, or "system".</summary>
    public required string Actor { get; init; }

    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public required string Action { get; init; }

    public Guid? SubjectUserId { get; init; }

    /// <summary>The e-mail address of the person the change concerns.</summary>
    public required string Subject { get; init; }

    public string? Before { get; init; }
    public string? After { get; init; }
}

/// <summary>The actions recorded, in the words an administrator reads in the log.</summary>
public static class AuditActions
{
    public const string InvitationSent = "Invitation sent";
    public const string InvitationAccepted = "Invitation accepted";
    public const string InvitationWithdrawn = "Invitation withdrawn";
    public const string InvitationResent = "Invitation resent";
    public const string RoleChanged = "Role changed";
    public const string Removed = "Removed from company";
    public const string Locked = "Locked";
    public const string Unlocked = "Unlocked";
    public const string PasswordResetRequested = "Password reset requested";
    public const string PasswordReset = "Password reset";
    public const string LockedOutAfterFailures = "Locked out after failed sign-ins";
    public const string PasskeyAdded = "Passkey added";
    public const string PasskeyRemoved = "Passkey removed";
    public const string OAuthApplicationRegistered = "OAuth application registered";
    public const string OAuthApplicationChanged = "OAuth application changed";
    public const string OAuthApplicationSecretRenewed = "OAuth application secret renewed";
    public const string OAuthApplicationDeleted = "OAuth application deleted";
    public const string ApplicationAllowed = "Application allowed";
    public const string ApplicationRevoked = "Application access revoked";

    public static readonly IReadOnlyList<string> All =
        [InvitationSent, InvitationAccepted, InvitationWithdrawn, InvitationResent, RoleChanged, Removed, Locked, Unlocked, PasswordResetRequested, PasswordReset,
         LockedOutAfterFailures, PasskeyAdded, PasskeyRemoved,
         OAuthApplicationRegistered, OAuthApplicationChanged, OAuthApplicationSecretRenewed, OAuthApplicationDeleted, ApplicationAllowed, ApplicationRevoked];
}

/// <summary>Who made a change: a signed-in person, or the system (seeding, onboarding without a person).</summary>
public sealed record AuditActor(Guid? UserId, string Name)
{
    public static readonly AuditActor System = new(null, "system");
}
