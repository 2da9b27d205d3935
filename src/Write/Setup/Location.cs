using Saas.Contracts.MasterData;
using Saas.Tenancy.Storage;
using Saas.Write.Common;

namespace Saas.Write.Setup;

/// <summary>A location (BC table 14): a warehouse, a store, or an in-transit location used by transfers.</summary>
public sealed class Location : ITenantOwned, IHasAddress
{
    // BC: Code Code[10], Name Text[100].
    public const int CodeLength = 10;
    public const int DisplayNameLength = 100;

    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public string Code { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string AddressLine1 { get; set; } = "";
    public string AddressLine2 { get; set; } = "";
    public string City { get; set; } = "";
    public string State { get; set; } = "";
    public string PostalCode { get; set; } = "";
    public string Country { get; set; } = "";

    /// <summary>Goods on a transfer sit here between shipment and receipt; such a location holds no real stock.</summary>
    public bool UseAsInTransit { get; set; }

    public DateTime LastModifiedUtc { get; set; }
    public long Version { get; set; }

    public LocationChanged ToEvent() => new()
    {
        TenantId = TenantId,
        LocationId = Id,
        Version = Version,
        Code = Code,
        DisplayName = DisplayName,
        AddressLine1 = AddressLine1,
        AddressLine2 = AddressLine2,
        City = City,
        State = State,
        PostalCode = PostalCode,
        Country = Country,
        UseAsInTransit = UseAsInTransit,
        LastModifiedUtc = LastModifiedUtc,
    };
}
