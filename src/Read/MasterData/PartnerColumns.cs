namespace Saas.Read.MasterData;

/// <summary>
/// The leading columns <c>customer_list</c> and <c>vendor_list</c> share (number, name, address, contact, payment),
/// as the list and card queries select them into <see cref="CustomerRow"/> and <see cref="VendorRow"/>.
/// </summary>
internal static class PartnerColumns
{
    public const string Select =
        "tenant_id AS TenantId, id AS Id, number AS Number, display_name AS DisplayName, address_line1 AS AddressLine1, " +
        "address_line2 AS AddressLine2, city AS City, state AS State, postal_code AS PostalCode, country AS Country, " +
        "phone_number AS PhoneNumber, email AS Email, currency_code AS CurrencyCode, payment_terms_code AS PaymentTermsCode";
}
