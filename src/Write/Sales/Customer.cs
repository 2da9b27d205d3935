using Saas.Contracts.MasterData;
using Saas.Tenancy.Storage;
using Saas.Write.Common;

namespace Saas.Write.Sales;

/// <summary>A customer card (BC table 18, the API v2.0 <c>customers</c> fields that exist so far).</summary>
public sealed class Customer : ITenantOwned, IHasAddress
{
    // BC: No. Code[20], Name Text[100], Phone No. Text[30], E-Mail Text[80], Currency Code Code[10],
    // Payment Terms Code Code[10].
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
