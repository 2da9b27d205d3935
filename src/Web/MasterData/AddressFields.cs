using Saas.Write.Common;

namespace Saas.Web.MasterData;

/// <summary>BC's flat address fields, shared by the customer, vendor and location bodies.</summary>
internal abstract record AddressFields
{
    public string? AddressLine1 { get; init; }
    public string? AddressLine2 { get; init; }
    public string? City { get; init; }
    public string? State { get; init; }
    public string? Country { get; init; }
    public string? PostalCode { get; init; }

    public AddressInput? Address() =>
        AddressLine1 is null && AddressLine2 is null && City is null && State is null && Country is null && PostalCode is null
            ? null
            : new AddressInput
            {
                AddressLine1 = AddressLine1,
                AddressLine2 = AddressLine2,
                City = City,
                State = State,
                Country = Country,
                PostalCode = PostalCode,
            };
}
