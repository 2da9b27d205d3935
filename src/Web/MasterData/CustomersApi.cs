using System.Text.Json.Serialization;
using Saas.Contracts.MasterData;
using Saas.Read.Common;
using Saas.Read.MasterData;
using Saas.Write.Common;
using Saas.Write.Sales;

namespace Saas.Web.MasterData;

/// <summary>BC API v2.0 <c>customers</c>.</summary>
internal static class CustomersApi
{
    public static void MapCustomers(this RouteGroupBuilder company)
    {
        company.MapGet("/customers", ListAsync).RequireAuthorization("TenantMember");
        company.MapGet("/customers({id:guid})", GetAsync).RequireAuthorization("TenantMember");
        company.MapPost("/customers", CreateAsync).RequireAuthorization("Customers.Write");
        company.MapPatch("/customers({id:guid})", UpdateAsync).RequireAuthorization("Customers.Write");
    }

    private static async Task<IResult> ListAsync(HttpContext http, CustomerQueries queries, ReadPositions positions)
    {
        var options = ApiSupport.ReadListOptions(http.Request);
        options.OnlyFilters("blocked");
        var blocked = options.Text("blocked") is { } word ? BcEnum.ToWord(BcEnum.Parse<CustomerBlocked>("$filter", word)) : null;
        await ApiSupport.WaitForPositionAsync(http, positions);
        var page = await queries.ListAsync(
            options.ApplyTo(new CustomerListQuery { Search = options.SearchOn("displayName", "number", "email"), Blocked = blocked }),
            http.RequestAborted);
        return ApiSupport.Page(page, CustomerResource.From);
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, CustomerQueries queries, ReadPositions positions)
    {
        await ApiSupport.WaitForPositionAsync(http, positions);
        return await queries.GetAsync(id, http.RequestAborted) is { } row
            ? ApiSupport.Card(http.Response, row.Version, CustomerResource.From(row))
            : ApiSupport.NotFound("Customer", id);
    }

    private static async Task<IResult> CreateAsync(HttpContext http, CreateCustomerHandler handler)
    {
        var input = await ApiSupport.ReadBodyAsync<CustomerInput>(http.Request);
        var (blocked, advice) = ParseWords(input);
        var result = await handler.HandleAsync(
            new CreateCustomer
            {
                Number = input.Number,
                DisplayName = input.DisplayName ?? "",
                Address = input.Address(),
                PhoneNumber = input.PhoneNumber ?? "",
                Email = input.Email ?? "",
                CurrencyCode = input.CurrencyCode ?? "",
                PaymentTermsCode = input.PaymentTermsCode ?? "",
                CreditLimit = input.CreditLimit ?? 0,
                Blocked = blocked ?? CustomerBlocked.None,
                ShippingAdvice = advice ?? ShippingAdvice.Partial,
            },
            http.RequestAborted);
        return ApiSupport.Saved(
            http.Response, result.ReadPosition, result.Snapshot.Version, CustomerResource.From(result.Snapshot), StatusCodes.Status201Created);
    }

    private static async Task<IResult> UpdateAsync(Guid id, HttpContext http, UpdateCustomerHandler handler)
    {
        var expected = ApiSupport.ExpectedVersion(http.Request);
        var input = await ApiSupport.ReadBodyAsync<CustomerInput>(http.Request);
        var (blocked, advice) = ParseWords(input);
        var result = await handler.HandleAsync(
            new UpdateCustomer
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
                CreditLimit = input.CreditLimit,
                Blocked = blocked,
                ShippingAdvice = advice,
            },
            http.RequestAborted);
        return ApiSupport.Saved(http.Response, result.ReadPosition, result.Snapshot.Version, CustomerResource.From(result.Snapshot));
    }

    // Both words are checked before the command runs, so one answer names every unknown word.
    private static (CustomerBlocked? Blocked, ShippingAdvice? Advice) ParseWords(CustomerInput input)
    {
        var enums = new Validation();
        var blocked = ApiSupport.ParseOrNull<CustomerBlocked>(enums, "blocked", input.Blocked);
        var advice = ApiSupport.ParseOrNull<ShippingAdvice>(enums, "shippingAdvice", input.ShippingAdvice);
        enums.ThrowIfInvalid();
        return (blocked, advice);
    }
}

internal sealed record CustomerInput : AddressFields
{
    [JsonPropertyName("@odata.etag")]
    public string? ODataETag { get; init; }

    public string? Number { get; init; }
    public string? DisplayName { get; init; }
    public string? PhoneNumber { get; init; }
    public string? Email { get; init; }
    public string? CurrencyCode { get; init; }
    public string? PaymentTermsCode { get; init; }
    public decimal? CreditLimit { get; init; }
    public string? Blocked { get; init; }
    public string? ShippingAdvice { get; init; }
}

/// <summary>A customer as BC API v2.0 shows it (plus shippingAdvice).</summary>
internal sealed record CustomerResource
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
    public required decimal CreditLimit { get; init; }
    public required string CurrencyCode { get; init; }
    public required string PaymentTermsCode { get; init; }
    public required string Blocked { get; init; }
    public required string ShippingAdvice { get; init; }
    public required DateTime LastModifiedDateTime { get; init; }

    public static CustomerResource From(CustomerRow r) => new()
    {
        ETag = ApiSupport.ETag(r.Version), Id = r.Id, Number = r.Number, DisplayName = r.DisplayName,
        AddressLine1 = r.AddressLine1, AddressLine2 = r.AddressLine2, City = r.City, State = r.State, Country = r.Country,
        PostalCode = r.PostalCode, PhoneNumber = r.PhoneNumber, Email = r.Email, CreditLimit = r.CreditLimit,
        CurrencyCode = r.CurrencyCode, PaymentTermsCode = r.PaymentTermsCode, Blocked = r.Blocked,
        ShippingAdvice = r.ShippingAdvice, LastModifiedDateTime = r.LastModifiedUtc,
    };

    public static CustomerResource From(CustomerChanged e) => new()
    {
        ETag = ApiSupport.ETag(e.Version), Id = e.CustomerId, Number = e.Number, DisplayName = e.DisplayName,
        AddressLine1 = e.AddressLine1, AddressLine2 = e.AddressLine2, City = e.City, State = e.State, Country = e.Country,
        PostalCode = e.PostalCode, PhoneNumber = e.PhoneNumber, Email = e.Email, CreditLimit = e.CreditLimit,
        CurrencyCode = e.CurrencyCode, PaymentTermsCode = e.PaymentTermsCode, Blocked = e.Blocked,
        ShippingAdvice = e.ShippingAdvice, LastModifiedDateTime = DateTime.SpecifyKind(e.LastModifiedUtc, DateTimeKind.Utc),
    };
}
