namespace Saas.Identity.Tokens;

/// <summary>
/// One refresh token of a rotation family. Each is usable once; presenting a consumed one means it was
/// copied, so the whole family (every descendant of the original sign-in) is revoked.
/// </summary>
public sealed class RefreshToken
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Shared by every token descending from one password sign-in.</summary>
    public Guid FamilyId { get; init; }

    public required string TokenHash { get; init; }
    public Guid UserId { get; init; }

    /// <summary>The tenant the session was opened for; null for reseller/operator sessions.</summary>
    public Guid? TenantId { get; init; }

    public DateTime CreatedUtc { get; init; } = DateTime.UtcNow;
    public DateTime ExpiresUtc { get; init; }
    public DateTime? ConsumedUtc { get; set; }
    public DateTime? RevokedUtc { get; set; }
}
