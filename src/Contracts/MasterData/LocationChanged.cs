namespace Saas.Contracts.MasterData;

/// <summary>Full snapshot of a location after a change (see <see cref="ItemChanged"/> for why snapshots).</summary>
public sealed record LocationChanged : ITenantEvent
{
    public required Guid TenantId { get; init; }
    public required Guid LocationId { get; init; }
    public required long Version { get; init; }
    public required string Code { get; init; }
    public required string DisplayName { get; init; }
    public required string AddressLine1 { get; init; }
    public required string AddressLine2 { get; init; }
    public required string City { get; init; }
    public required string State { get; init; }
    public required string PostalCode { get; init; }
    public required string Country { get; init; }
    public required bool UseAsInTransit { get; init; }
    public required DateTime LastModifiedUtc { get; init; }
}
