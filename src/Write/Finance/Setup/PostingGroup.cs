using Saas.Tenancy.Storage;

namespace Saas.Write.Finance.Setup;

/// <summary>
/// The code tables of posting groups. BC keeps one table per kind (Gen. Business Posting Group, Gen. Product
/// Posting Group, Inventory Posting Group, VAT Business/Product Posting Group, Customer/Vendor Posting Group);
/// they share code and description, so they share one table here, keyed by kind and code. Customer and vendor
/// groups also name their receivables/payables account.
/// </summary>
public sealed class PostingGroup : ITenantOwned
{
    // BC: Code Code[20], Description Text[100].
    public const int CodeLength = 20;
    public const int DescriptionLength = 100;

    public Guid TenantId { get; set; }
    public PostingGroupKind Kind { get; set; }
    public string Code { get; set; } = "";
    public string Description { get; set; } = "";

    /// <summary>Receivables account of a customer group, payables account of a vendor group; empty otherwise.</summary>
    public string Account { get; set; } = "";
}

public enum PostingGroupKind
{
    GeneralBusiness,
    GeneralProduct,
    Inventory,
    VatBusiness,
    VatProduct,
    Customer,
    Vendor,
}
