using Saas.Contracts.Inventory;
using Saas.Tenancy.Storage;
using Saas.Write.Common;

namespace Saas.Write.Inventory.Catalog;

/// <summary>
/// The value of an attribute on an item, or the default value a category gives its items (BC's Item Attribute
/// Value Mapping, table 7505, with the value itself folded in). One value per owner and attribute.
/// </summary>
public sealed class ItemAttributeValue : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public AttributeOwnerType OwnerType { get; set; }

    /// <summary>The item's or the category's id.</summary>
    public Guid OwnerId { get; set; }

    public Guid AttributeId { get; set; }

    /// <summary>Normalised by the attribute's type (<see cref="ItemAttribute.NormalizeValue"/>).</summary>
    public string Value { get; set; } = "";

    public DateTime LastModifiedUtc { get; set; }
    public long Version { get; set; }

    public ItemAttributeValueChanged ToEvent(bool deleted = false) => new()
    {
        TenantId = TenantId,
        ItemAttributeValueId = Id,
        Version = Version,
        OwnerType = BcEnum.ToWord(OwnerType),
        OwnerId = OwnerId,
        ItemAttributeId = AttributeId,
        Value = Value,
        Deleted = deleted,
        LastModifiedUtc = LastModifiedUtc,
    };
}

public enum AttributeOwnerType
{
    Item,

    [BcWord("Item Category", "ItemCategory")]
    ItemCategory,
}
