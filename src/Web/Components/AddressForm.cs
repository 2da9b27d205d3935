using Saas.Write.Common;

namespace Saas.Web.Components;

/// <summary>The address part of a card form; its text goes to the handler as typed (empty clears a line).</summary>
public class AddressForm
{
    public string? AddressLine1 { get; set; }
    public string? AddressLine2 { get; set; }
    public string? City { get; set; }
    public string? State { get; set; }
    public string? PostalCode { get; set; }
    public string? Country { get; set; }

    public AddressInput ToInput() => new()
    {
        AddressLine1 = AddressLine1 ?? "",
        AddressLine2 = AddressLine2 ?? "",
        City = City ?? "",
        State = State ?? "",
        PostalCode = PostalCode ?? "",
        Country = Country ?? "",
    };

    protected void CopyAddress(string line1, string line2, string city, string state, string postalCode, string country)
    {
        AddressLine1 = line1;
        AddressLine2 = line2;
        City = city;
        State = state;
        PostalCode = postalCode;
        Country = country;
    }
}
