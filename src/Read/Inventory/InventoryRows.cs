using Saas.Tenancy.Storage;

namespace Saas.Read.Inventory;

/// <summary>
/// A row of <c>item_location_inventory</c>: BC's Inventory FlowField of one item at one location (blank = no
/// location), with the cost of the goods there (Σ expected + actual cost of the value entries). Kept by adding
/// each posting's quantities, so reading it never scans the item ledger.
/// </summary>
public sealed class ItemLocationInventoryRow : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid ItemId { get; set; }
    public string LocationCode { get; set; } = "";
    public decimal Quantity { get; set; }
    public decimal CostAmount { get; set; }
}

/// <summary>
/// A row of <c>inventory_projected_register</c>: a G/L register whose entries are in
/// <see cref="ItemLocationInventoryRow"/>. The consumer adds to the sums only when it inserts the register here,
/// and the rebuild writes the registers it read, so an event that arrives after a rebuild that already counted
/// its posting adds nothing (the inbox alone cannot tell: a rebuild does not know outbox message ids).
/// </summary>
public sealed class InventoryProjectedRegisterRow : ITenantOwned
{
    public Guid TenantId { get; set; }
    public long RegisterNo { get; set; }
}
