namespace Saas.Tenancy.Catalog;

/// <summary>A partner that onboards and manages its own customers' tenants.</summary>
public sealed class Reseller
{
    public Guid Id { get; init; }
    public required string Name { get; set; }
    public DateTime CreatedUtc { get; init; } = DateTime.UtcNow;
}
