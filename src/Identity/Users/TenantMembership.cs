namespace Saas.Identity.Users;

/// <summary>
/// The user's role in one tenant. Roles are per membership, not per user, because the
/// same person can be Administrator of one company and ReadOnly in another.
/// </summary>
public sealed class TenantMembership
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid UserId { get; init; }
    public Guid TenantId { get; init; }
    public required string Role { get; set; }
    public DateTime CreatedUtc { get; init; } = DateTime.UtcNow;

    /// <summary>
    /// Set while the company's administrator has locked the person out of this company. A lock on the
    /// membership, not on the account: a person in two companies stays able to work in the other one.
    /// </summary>
    public DateTime? LockedUtc { get; set; }

    /// <summary>The last sign-in to this company (password, cookie, tenant switch); refreshes do not count.</summary>
    public DateTime? LastSignInUtc { get; set; }
}
