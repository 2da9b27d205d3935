namespace Saas.Identity.Users;

/// <summary>
/// A one-time link that lets an invited person set a password. Only the SHA-256 of the token is stored:
/// a leaked database does not hand out usable links.
/// </summary>
public sealed class Invitation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid UserId { get; init; }
    public Guid TenantId { get; init; }
    public required string TokenHash { get; init; }
    public DateTime CreatedUtc { get; init; } = DateTime.UtcNow;
    public DateTime ExpiresUtc { get; init; }
    public DateTime? AcceptedUtc { get; set; }
}
