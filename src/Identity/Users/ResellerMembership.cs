namespace Saas.Identity.Users;

/// <summary>The user administers the reseller's tenants (role ResellerAdmin).</summary>
public sealed class ResellerMembership
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid UserId { get; init; }
    public Guid ResellerId { get; init; }
    public DateTime CreatedUtc { get; init; } = DateTime.UtcNow;
}
