using Saas.Contracts.MasterData;
using Saas.Tenancy.Storage;
using Saas.Write.Common;

namespace Saas.Write.Sales;

/// <summary>A customer card (BC table 18, the API v2.0 <c>customers</c> fields that exist so far).</summary>
public sealed class Customer : ITenantOwned, IPartnerCard
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

    /// <summary>A warning threshold in BC, not a hard stop.</summary>
    public decimal CreditLimit { get; set; }

    public CustomerBlocked Blocked { get; set; }
    public ShippingAdvice ShippingAdvice { get; set; } = ShippingAdvice.Partial;
    public DateTime LastModifiedUtc { get; set; }
    public long Version { get; set; }

    public CustomerChanged ToEvent() => new()
    {
        TenantId = TenantId,
        CustomerId = Id,
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
        CreditLimit = CreditLimit,
        Blocked = BcEnum.ToWord(Blocked),
        ShippingAdvice = BcEnum.ToWord(ShippingAdvice),
        LastModifiedUtc = LastModifiedUtc,
    };
}

public enum CustomerBlocked
{
    [BcWord(" ", "")]
    None,
    Ship,
    Invoice,
    All,
}

public enum ShippingAdvice
{
    Partial,
    Complete,
}
