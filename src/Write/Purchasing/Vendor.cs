using Saas.Contracts.MasterData;
using Saas.Tenancy.Storage;
using Saas.Write.Common;

namespace Saas.Write.Purchasing;

/// <summary>A vendor card (BC table 23, the API v2.0 <c>vendors</c> fields that exist so far).</summary>
public sealed class Vendor : ITenantOwned, IHasAddress
{
    // Same field lengths as the customer card in BC.
    public const int NumberLength = 20;
    public const int DisplayNameLength = 100;
    public const int PhoneLength = 30;
    public const int EmailLength = 80;
    public const int CurrencyLength = 10;
    public const int PaymentTermsLength = 10;

    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public string Number { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string AddressLine1 { get; set; } = "";
    public string AddressLine2 { get; set; } = "";
    public string City { get; set; } = "";
    public string State { get; set; } = "";
    public string PostalCode { get; set; } = "";
    public string Country { get; set; } = "";
    public string PhoneNumber { get; set; } = "";
    public string Email { get; set; } = "";
    public string CurrencyCode { get; set; } = "";
    public string PaymentTermsCode { get; set; } = "";
    public VendorBlocked Blocked { get; set; }
    public DateTime LastModifiedUtc { get; set; }
    public long Version { get; set; }

    public VendorChanged ToEvent() => new()
    {
        TenantId = TenantId,
        VendorId = Id,
        Version = Version,
        Number = Number,
        DisplayName = DisplayName,
        AddressLine1 = AddressLine1,
        AddressLine2 = AddressLine2,
        City = City,
        State = State,
        PostalCode = PostalCode,
        Country = Country,
        PhoneNumber = PhoneNumber,
        Email = Email,
        CurrencyCode = CurrencyCode,
        PaymentTermsCode = PaymentTermsCode,
        Blocked = BcEnum.ToWord(Blocked),
        LastModifiedUtc = LastModifiedUtc,
    };
}

public enum VendorBlocked
{
    [BcWord(" ", "")]
    None,
    Payment,
    All,
}
