using Saas.Contracts.Inventory;
using Saas.Tenancy.Storage;
using Saas.Write.Common;

namespace Saas.Write.Inventory.Catalog;

/// <summary>
/// An item reference (BC table 5777): the number (and description) under which a customer or vendor knows one
/// of our items, or a bar code printed on it. One reference number means one item per type and type number.
/// </summary>
public sealed class ItemReference : ITenantOwned
{
    // BC: Reference Type No. Code[30], Reference No. Code[50], Unit of Measure Code[10], Description Text[100].
    public const int ReferenceTypeNumberLength = 30;
    public const int ReferenceNumberLength = 50;
    public const int DescriptionLength = 100;

    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public Guid ItemId { get; set; }
    public ItemReferenceType ReferenceType { get; set; }

    /// <summary>The customer's or vendor's number; "" for a bar code.</summary>
    public string ReferenceTypeNumber { get; set; } = "";

    public string ReferenceNumber { get; set; } = "";
    public string UnitOfMeasureCode { get; set; } = "";
    public string Description { get; set; } = "";
    public DateTime LastModifiedUtc { get; set; }
    public long Version { get; set; }

    public ItemReferenceChanged ToEvent(bool deleted = false) => new()
    {
        TenantId = TenantId,
        ItemReferenceId = Id,
        Version = Version,
        ItemId = ItemId,
        ReferenceType = BcEnum.ToWord(ReferenceType),
        ReferenceTypeNumber = ReferenceTypeNumber,
        ReferenceNumber = ReferenceNumber,
        UnitOfMeasureCode = UnitOfMeasureCode,
        Description = Description,
        Deleted = deleted,
        LastModifiedUtc = LastModifiedUtc,
    };
}

/// <summary>BC's Item Reference Type, without " " (a reference that belongs to nobody identifies nothing).</summary>
public enum ItemReferenceType
{
    Customer,
    Vendor,

    [BcWord("Bar Code", "BarCode", "Bar_x0020_Code")]
    BarCode,
}
