namespace Saas.Identity.Users;

/// <summary>
/// A user's role in one tenant. Roles are per membership rather than global Identity roles because the
/// same person can be Administrator of one company and ReadOnly in another.
/// </summary>
public sealed class TenantMembership
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid UserId { get; init; }
    public Guid TenantId { get; init; }
    public required string Role { get; set; }
    public DateTime CreatedUtc { get; init; } = DateTime.UtcNow;
}
