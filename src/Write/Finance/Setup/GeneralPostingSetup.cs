using Saas.Tenancy.Storage;

namespace Saas.Write.Finance.Setup;

/// <summary>
/// BC table 252: the accounts for one combination of general business posting group (the customer's or
/// vendor's; blank for journals) and general product posting group (the item's).
/// </summary>
public sealed class GeneralPostingSetup : ITenantOwned
{
    public Guid TenantId { get; set; }

    /// <summary>Blank is a real key: item journals post without a business group, as in BC.</summary>
    public string GenBusPostingGroup { get; set; } = "";

    public string GenProdPostingGroup { get; set; } = "";
    public string SalesAccount { get; set; } = "";
    public string SalesCreditMemoAccount { get; set; } = "";
    public string PurchaseAccount { get; set; } = "";
    public string PurchaseCreditMemoAccount { get; set; } = "";
    public string CogsAccount { get; set; } = "";
    public string CogsInterimAccount { get; set; } = "";
    public string InventoryAdjustmentAccount { get; set; } = "";

    /// <summary>BC's "Invt. Accrual Acc. (Interim)": the counterpart of expected purchase cost.</summary>
    public string InventoryAccrualInterimAccount { get; set; } = "";

    public string DirectCostAppliedAccount { get; set; } = "";
    public string OverheadAppliedAccount { get; set; } = "";
    public string PurchaseVarianceAccount { get; set; } = "";

    public string Describe() => $"General Posting Setup {Show(GenBusPostingGroup)} × {Show(GenProdPostingGroup)}";

    public static string Show(string code) => code.Length == 0 ? "(blank)" : code;
}
