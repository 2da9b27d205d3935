namespace Saas.Write.Common;

/// <summary>
/// The address, contact and payment fields of a customer card and a vendor card: BC gives tables 18 and 23 the
/// same fields with the same lengths, and they are checked and changed the same way.
/// </summary>
/// <remarks>
/// An interface rather than a base class: EF places a base class's columns after the card's own, which would
/// reorder the columns of the existing tables.
/// </remarks>
public interface IPartnerCard : IHasAddress
{
    string PhoneNumber { get; set; }
    string Email { get; set; }
    string CurrencyCode { get; set; }
    string PaymentTermsCode { get; set; }
}

public static class PartnerCard
{
    // BC: No. Code[20], Name Text[100], Phone No. Text[30], E-Mail Text[80], Currency Code Code[10],
    // Payment Terms Code Code[10].
    public const int NumberLength = 20;
    public const int DisplayNameLength = 100;
    public const int PhoneLength = 30;
    public const int EmailLength = 80;
    public const int CurrencyLength = 10;
    public const int PaymentTermsLength = 10;

    /// <summary>Checks the address, contact and payment fields of a create or a change (null = not given).</summary>
    public static void ValidateContact(
        Validation validation, AddressInput? address, string? phoneNumber, string? email, string? currencyCode, string? paymentTermsCode)
    {
        AddressInput.Validate(validation, address);
        validation.MaxLength("phoneNumber", phoneNumber?.Trim(), PhoneLength);
        validation.MaxLength("email", email?.Trim(), EmailLength);
        validation.Email("email", email?.Trim());
        validation.MaxLength("currencyCode", currencyCode?.Trim(), CurrencyLength);
        validation.MaxLength("paymentTermsCode", paymentTermsCode?.Trim(), PaymentTermsLength);
    }

    /// <summary>Takes the address, contact and payment fields given; null leaves a field as it is (PATCH).</summary>
    public static void ChangeContact(
        this IPartnerCard card, AddressInput? address, string? phoneNumber, string? email, string? currencyCode, string? paymentTermsCode)
    {
        AddressInput.Apply(address, card);
        card.PhoneNumber = phoneNumber?.Trim() ?? card.PhoneNumber;
        card.Email = email?.Trim() ?? card.Email;
        card.CurrencyCode = Codes.NormalizeOrNull(currencyCode) ?? card.CurrencyCode;
        card.PaymentTermsCode = Codes.NormalizeOrNull(paymentTermsCode) ?? card.PaymentTermsCode;
    }
}
