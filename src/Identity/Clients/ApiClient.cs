namespace Saas.Identity.Clients;

/// <summary>
/// A machine caller (integration, script) bound to exactly one tenant and one role. The secret is shown
/// once at creation; only its SHA-256 is kept (it is 256 random bits, so a slow password hash adds nothing).
/// </summary>
public sealed class ApiClient
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; init; }
    public required string ClientId { get; init; }
    public required string SecretHash { get; init; }
    public required string DisplayName { get; init; }
    public required string Role { get; init; }
    public Guid? CreatedByUserId { get; init; }
    public DateTime CreatedUtc { get; init; } = DateTime.UtcNow;
    public DateTime? RevokedUtc { get; set; }
}
