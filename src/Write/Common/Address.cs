namespace Saas.Write.Common;

/// <summary>
/// BC's address block, kept as plain columns of the owner's table (customers, vendors, locations) so the
/// read side and Dapper see ordinary columns.
/// </summary>
public interface IHasAddress
{
    string AddressLine1 { get; set; }
    string AddressLine2 { get; set; }
    string City { get; set; }
    string State { get; set; }
    string PostalCode { get; set; }
    string Country { get; set; }
}

/// <summary>Address parts of a command; null leaves a part unchanged (partial update).</summary>
public sealed record AddressInput
{
    // BC: Address Text[100], Address 2 Text[50], City Text[30], County Text[30], Post Code Code[20],
    // Country/Region Code Code[10].
    public const int AddressLine1Length = 100;
    public const int AddressLine2Length = 50;
    public const int CityLength = 30;
    public const int StateLength = 30;
    public const int PostalCodeLength = 20;
    public const int CountryLength = 10;

    public string? AddressLine1 { get; init; }
    public string? AddressLine2 { get; init; }
    public string? City { get; init; }
    public string? State { get; init; }
    public string? PostalCode { get; init; }
    public string? Country { get; init; }

    public static void Validate(Validation validation, AddressInput? input)
    {
        if (input is null)
        {
            return;
        }

        validation.MaxLength("addressLine1", input.AddressLine1?.Trim(), AddressLine1Length);
        validation.MaxLength("addressLine2", input.AddressLine2?.Trim(), AddressLine2Length);
        validation.MaxLength("city", input.City?.Trim(), CityLength);
        validation.MaxLength("state", input.State?.Trim(), StateLength);
        validation.MaxLength("postalCode", input.PostalCode?.Trim(), PostalCodeLength);
        validation.MaxLength("country", input.Country?.Trim(), CountryLength);
    }

    public static void Apply(AddressInput? input, IHasAddress target)
    {
        if (input is null)
        {
            return;
        }

        target.AddressLine1 = input.AddressLine1?.Trim() ?? target.AddressLine1;
        target.AddressLine2 = input.AddressLine2?.Trim() ?? target.AddressLine2;
        target.City = input.City?.Trim() ?? target.City;
        target.State = input.State?.Trim() ?? target.State;
        target.PostalCode = Codes.NormalizeOrNull(input.PostalCode) ?? target.PostalCode;
        target.Country = Codes.NormalizeOrNull(input.Country) ?? target.Country;
    }
}
