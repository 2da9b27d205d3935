using Saas.Tenancy.Storage;

namespace Saas.Write.Finance.Setup;

/// <summary>BC table 5813: the inventory accounts of one location and inventory posting group.</summary>
public sealed class InventoryPostingSetup : ITenantOwned
{
    public Guid TenantId { get; set; }
    public string LocationCode { get; set; } = "";
    public string InventoryPostingGroup { get; set; } = "";
    public string InventoryAccount { get; set; } = "";

    /// <summary>Receives expected (not yet invoiced) cost when expected cost posting to G/L is on.</summary>
    public string InventoryInterimAccount { get; set; } = "";

    public string Describe() =>
        $"Inventory Posting Setup {GeneralPostingSetup.Show(LocationCode)} × {GeneralPostingSetup.Show(InventoryPostingGroup)}";
}
