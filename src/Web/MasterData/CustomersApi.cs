using System.Text.Json.Serialization;
using Saas.Contracts.MasterData;
using Saas.Read.Common;
using Saas.Read.MasterData;
using Saas.Tenancy.Context;
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

    private static async Task<IResult> ListAsync(Guid companyId, HttpContext http, TenantContext tenants, CustomerQueries queries, ReadPositions positions)
    {
        if (!ApiSupport.IsCurrentCompany(companyId, tenants))
        {
            return ApiSupport.CompanyNotFound();
        }

        var options = ApiSupport.ReadListOptions(http.Request);
        options.OnlyFilters("blocked");
        var blocked = options.Text("blocked") is { } word ? BcEnum.ToWord(BcEnum.Parse<CustomerBlocked>("$filter", word)) : null;
        await ApiSupport.WaitForPositionAsync(http, positions);
        var page = await queries.ListAsync(
            new CustomerListQuery
            {
                Top = options.Top,
                Skip = options.Skip,
                OrderBy = options.OrderBy,
                Descending = options.Descending,
                Search = options.SearchOn("displayName", "number", "email"),
                Blocked = blocked,
            },
            http.RequestAborted);
        return Results.Json(ApiSupport.ListResponse(page.Value.Select(CustomerResource.From), page.Count), ApiSupport.Json);
    }

    private static async Task<IResult> GetAsync(Guid companyId, Guid id, HttpContext http, TenantContext tenants, CustomerQueries queries, ReadPositions positions)
    {
        if (!ApiSupport.IsCurrentCompany(companyId, tenants))
        {
            return ApiSupport.CompanyNotFound();
        }

        await ApiSupport.WaitForPositionAsync(http, positions);
        var row = await queries.GetAsync(id, http.RequestAborted);
        if (row is null)
        {
            return ApiSupport.NotFound("Customer", id);
        }

        http.Response.Headers.ETag = ApiSupport.ETag(row.Version);
        return Results.Json(CustomerResource.From(row), ApiSupport.Json);
    }

    private static async Task<IResult> CreateAsync(Guid companyId, HttpContext http, TenantContext tenants, CreateCustomerHandler handler)
    {
        if (!ApiSupport.IsCurrentCompany(companyId, tenants))
        {
            return ApiSupport.CompanyNotFound();
        }

        var input = await ApiSupport.ReadBodyAsync<CustomerInput>(http.Request);
        var enums = new Validation();
        var blocked = ItemsApi.ParseOrNull<CustomerBlocked>(enums, "blocked", input.Blocked);
        var advice = ItemsApi.ParseOrNull<ShippingAdvice>(enums, "shippingAdvice", input.ShippingAdvice);
        enums.ThrowIfInvalid();
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
        ApiSupport.SetCommandHeaders(http.Response, result.ReadPosition, result.Snapshot.Version);
        return Results.Json(CustomerResource.From(result.Snapshot), ApiSupport.Json, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> UpdateAsync(Guid companyId, Guid id, HttpContext http, TenantContext tenants, UpdateCustomerHandler handler)
    {
        if (!ApiSupport.IsCurrentCompany(companyId, tenants))
        {
            return ApiSupport.CompanyNotFound();
        }

        var expected = ApiSupport.ExpectedVersion(http.Request);
        var input = await ApiSupport.ReadBodyAsync<CustomerInput>(http.Request);
        var enums = new Validation();
        var blocked = ItemsApi.ParseOrNull<CustomerBlocked>(enums, "blocked", input.Blocked);
        var advice = ItemsApi.ParseOrNull<ShippingAdvice>(enums, "shippingAdvice", input.ShippingAdvice);
        enums.ThrowIfInvalid();
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
        ApiSupport.SetCommandHeaders(http.Response, result.ReadPosition, result.Snapshot.Version);
        return Results.Json(CustomerResource.From(result.Snapshot), ApiSupport.Json);
    }
}

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
