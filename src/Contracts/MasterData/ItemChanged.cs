namespace Saas.Contracts.MasterData;

/// <summary>
/// Full snapshot of an item after a change. Snapshots (rather than deltas) let a projection apply any
/// delivery order: it keeps the row with the highest <see cref="Version"/>. Enumerations travel as
/// Business Central's words ("Non-Inventory", "FIFO") so that consumers need no shared enum types.
/// </summary>
public sealed record ItemChanged : ITenantEvent
{
    public required Guid TenantId { get; init; }
    public required Guid ItemId { get; init; }
    public required long Version { get; init; }
    public required string Number { get; init; }
    public required string DisplayName { get; init; }
    public required string Type { get; init; }
    public required string BaseUnitOfMeasureCode { get; init; }
    public required decimal UnitPrice { get; init; }
    public required decimal UnitCost { get; init; }
    public required string CostingMethod { get; init; }
    public required string ItemCategoryCode { get; init; }
    public required bool Blocked { get; init; }
    public required bool SalesBlocked { get; init; }
    public required bool PurchasingBlocked { get; init; }
    public required DateTime LastModifiedUtc { get; init; }
}
