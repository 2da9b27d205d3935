using Saas.Tenancy.Storage;

namespace Saas.Write.Finance.Setup;

/// <summary>BC table 325: the VAT rate and accounts of one VAT business × VAT product posting group.</summary>
public sealed class VatPostingSetup : ITenantOwned
{
    public Guid TenantId { get; set; }
    public string VatBusPostingGroup { get; set; } = "";
    public string VatProdPostingGroup { get; set; } = "";
    public decimal VatPercent { get; set; }
    public VatCalculationType CalculationType { get; set; }
    public string SalesVatAccount { get; set; } = "";
    public string PurchaseVatAccount { get; set; } = "";

    /// <summary>Reverse charge: the buyer self-assesses the VAT on this account as well as on the purchase VAT account.</summary>
    public string ReverseChargeVatAccount { get; set; } = "";
}

public enum VatCalculationType
{
    [Common.BcWord("Normal VAT", "Normal_x0020_VAT", "Normal")]
    Normal,

    [Common.BcWord("Reverse Charge VAT", "Reverse_x0020_Charge_x0020_VAT", "ReverseCharge")]
    ReverseCharge,
}
