using System.Text.Json.Serialization;
using Saas.Contracts.MasterData;
using Saas.Read.Common;
using Saas.Read.MasterData;
using Saas.Write.Common;
using Saas.Write.Purchasing;

namespace Saas.Web.MasterData;

/// <summary>BC API v2.0 <c>vendors</c>.</summary>
internal static class VendorsApi
{
    public static void MapVendors(this RouteGroupBuilder company)
    {
        company.MapGet("/vendors", ListAsync).RequireAuthorization("TenantMember");
        company.MapGet("/vendors({id:guid})", GetAsync).RequireAuthorization("TenantMember");
        company.MapPost("/vendors", CreateAsync).RequireAuthorization("Vendors.Write");
        company.MapPatch("/vendors({id:guid})", UpdateAsync).RequireAuthorization("Vendors.Write");
    }

    private static async Task<IResult> ListAsync(HttpContext http, VendorQueries queries, ReadPositions positions)
    {
        var options = ApiSupport.ReadListOptions(http.Request);
        options.OnlyFilters("blocked");
        var blocked = options.Text("blocked") is { } word ? BcEnum.ToWord(BcEnum.Parse<VendorBlocked>("$filter", word)) : null;
        await ApiSupport.WaitForPositionAsync(http, positions);
        var page = await queries.ListAsync(
            options.ApplyTo(new VendorListQuery { Search = options.SearchOn("displayName", "number", "email"), Blocked = blocked }),
            http.RequestAborted);
        return ApiSupport.Page(page, VendorResource.From);
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, VendorQueries queries, ReadPositions positions)
    {
        await ApiSupport.WaitForPositionAsync(http, positions);
        return await queries.GetAsync(id, http.RequestAborted) is { } row
            ? ApiSupport.Card(http.Response, row.Version, VendorResource.From(row))
            : ApiSupport.NotFound("Vendor", id);
    }

    private static async Task<IResult> CreateAsync(HttpContext http, CreateVendorHandler handler)
    {
        var input = await ApiSupport.ReadBodyAsync<VendorInput>(http.Request);
        var blocked = ParseBlocked(input);
        var result = await handler.HandleAsync(
            new CreateVendor
            {
                Number = input.Number,
                DisplayName = input.DisplayName ?? "",
                Address = input.Address(),
                PhoneNumber = input.PhoneNumber ?? "",
                Email = input.Email ?? "",
                CurrencyCode = input.CurrencyCode ?? "",
                PaymentTermsCode = input.PaymentTermsCode ?? "",
                Blocked = blocked ?? VendorBlocked.None,
            },
            http.RequestAborted);
        return ApiSupport.Saved(
            http.Response, result.ReadPosition, result.Snapshot.Version, VendorResource.From(result.Snapshot), StatusCodes.Status201Created);
    }

    private static async Task<IResult> UpdateAsync(Guid id, HttpContext http, UpdateVendorHandler handler)
    {
        var expected = ApiSupport.ExpectedVersion(http.Request);
        var input = await ApiSupport.ReadBodyAsync<VendorInput>(http.Request);
        var blocked = ParseBlocked(input);
        var result = await handler.HandleAsync(
            new UpdateVendor
            {
                Id = id,
                ExpectedVersion = expected,
                Number = input.Number,
                DisplayName = input.DisplayName,
                Address = input.Address(),
                PhoneNumber = input.PhoneNumber,
                Email = input.Email,
                CurrencyCode = input.CurrencyCode,
                PaymentTermsCode = input.PaymentTermsCode,
                Blocked = blocked,
            },
            http.RequestAborted);
        return ApiSupport.Saved(http.Response, result.ReadPosition, result.Snapshot.Version, VendorResource.From(result.Snapshot));
    }

    private static VendorBlocked? ParseBlocked(VendorInput input)
    {
        var enums = new Validation();
        var blocked = ApiSupport.ParseOrNull<VendorBlocked>(enums, "blocked", input.Blocked);
        enums.ThrowIfInvalid();
        return blocked;
    }
}

internal sealed record VendorInput : AddressFields
{
    [JsonPropertyName("@odata.etag")]
    public string? ODataETag { get; init; }

    public string? Number { get; init; }
    public string? DisplayName { get; init; }
    public string? PhoneNumber { get; init; }
    public string? Email { get; init; }
    public string? CurrencyCode { get; init; }
    public string? PaymentTermsCode { get; init; }
    public string? Blocked { get; init; }
}

/// <summary>A vendor as BC API v2.0 shows it.</summary>
internal sealed record VendorResource
{
    [JsonPropertyName("@odata.etag")]
    public required string ETag { get; init; }

    public required Guid Id { get; init; }
    public required string Number { get; init; }
    public required string DisplayName { get; init; }
    public required string AddressLine1 { get; init; }
    public required string AddressLine2 { get; init; }
    public required string City { get; init; }
    public required string State { get; init; }
    public required string Country { get; init; }
    public required string PostalCode { get; init; }
    public required string PhoneNumber { get; init; }
    public required string Email { get; init; }
    public required string CurrencyCode { get; init; }
    public required string PaymentTermsCode { get; init; }
    public required string Blocked { get; init; }
    public required DateTime LastModifiedDateTime { get; init; }

    public static VendorResource From(VendorRow r) => new()
    {
        ETag = ApiSupport.ETag(r.Version), Id = r.Id, Number = r.Number, DisplayName = r.DisplayName,
        AddressLine1 = r.AddressLine1, AddressLine2 = r.AddressLine2, City = r.City, State = r.State, Country = r.Country,
        PostalCode = r.PostalCode, PhoneNumber = r.PhoneNumber, Email = r.Email,
        CurrencyCode = r.CurrencyCode, PaymentTermsCode = r.PaymentTermsCode, Blocked = r.Blocked,
        LastModifiedDateTime = r.LastModifiedUtc,
    };

    public static VendorResource From(VendorChanged e) => new()
    {
        ETag = ApiSupport.ETag(e.Version), Id = e.VendorId, Number = e.Number, DisplayName = e.DisplayName,
        AddressLine1 = e.AddressLine1, AddressLine2 = e.AddressLine2, City = e.City, State = e.State, Country = e.Country,
        PostalCode = e.PostalCode, PhoneNumber = e.PhoneNumber, Email = e.Email,
        CurrencyCode = e.CurrencyCode, PaymentTermsCode = e.PaymentTermsCode, Blocked = e.Blocked,
        LastModifiedDateTime = DateTime.SpecifyKind(e.LastModifiedUtc, DateTimeKind.Utc),
    };
}
