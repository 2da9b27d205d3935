using Saas.Contracts.MasterData;
using Saas.Tenancy.Storage;
using Saas.Write.Common;

namespace Saas.Write.Purchasing;

/// <summary>A vendor card (BC table 23, the API v2.0 <c>vendors</c> fields that exist so far).</summary>
public sealed class Vendor : ITenantOwned, IPartnerCard
{
    public const int NumberLength = PartnerCard.NumberLength;
    public const int DisplayNameLength = PartnerCard.DisplayNameLength;
    public const int PhoneLength = PartnerCard.PhoneLength;
    public const int EmailLength = PartnerCard.EmailLength;
    public const int CurrencyLength = PartnerCard.CurrencyLength;
    public const int PaymentTermsLength = PartnerCard.PaymentTermsLength;

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
