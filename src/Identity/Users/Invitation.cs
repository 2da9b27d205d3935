namespace Saas.Identity.Users;

/// <summary>
/// A one-time link that lets an invited person join a company with <see cref="Role"/>. Only the SHA-256 of the
/// token is stored: a leaked database does not hand out usable links. The membership is made when the person
/// accepts, never when the invitation is sent, so nobody can be put into a company without their consent.
/// </summary>
public sealed class Invitation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid UserId { get; init; }
    public Guid TenantId { get; init; }

    /// <summary>The tenant role the membership gets on acceptance.</summary>
    public required string Role { get; init; }

    /// <summary>Who sent it (a company or reseller administrator); null when the system did (seeding).</summary>
    public Guid? InvitedByUserId { get; init; }

    public required string TokenHash { get; init; }
    public DateTime CreatedUtc { get; init; } = DateTime.UtcNow;
    public DateTime ExpiresUtc { get; init; }
    public DateTime? AcceptedUtc { get; set; }
}
