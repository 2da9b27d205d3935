using System.Text.Json.Serialization;
using Saas.Contracts.MasterData;
using Saas.Read.Common;
using Saas.Read.MasterData;
using Saas.Write.Setup;

namespace Saas.Web.MasterData;

/// <summary>BC API v2.0 <c>locations</c>.</summary>
internal static class LocationsApi
{
    public static void MapLocations(this RouteGroupBuilder company)
    {
        company.MapGet("/locations", ListAsync).RequireAuthorization("TenantMember");
        company.MapGet("/locations({id:guid})", GetAsync).RequireAuthorization("TenantMember");
        company.MapPost("/locations", CreateAsync).RequireAuthorization("Locations.Write");
        company.MapPatch("/locations({id:guid})", UpdateAsync).RequireAuthorization("Locations.Write");
    }

    private static async Task<IResult> ListAsync(HttpContext http, LocationQueries queries, ReadPositions positions)
    {
        var options = ApiSupport.ReadListOptions(http.Request);
        options.OnlyFilters("useAsInTransit");
        await ApiSupport.WaitForPositionAsync(http, positions);
        var page = await queries.ListAsync(
            options.ApplyTo(new LocationListQuery
            {
                Search = options.SearchOn("displayName", "code"),
                UseAsInTransit = options.Bool("useAsInTransit"),
            }),
            http.RequestAborted);
        return ApiSupport.Page(page, LocationResource.From);
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, LocationQueries queries, ReadPositions positions)
    {
        await ApiSupport.WaitForPositionAsync(http, positions);
        return await queries.GetAsync(id, http.RequestAborted) is { } row
            ? ApiSupport.Card(http.Response, row.Version, LocationResource.From(row))
            : ApiSupport.NotFound("Location", id);
    }

    private static async Task<IResult> CreateAsync(HttpContext http, CreateLocationHandler handler)
    {
        var input = await ApiSupport.ReadBodyAsync<LocationInput>(http.Request);
        var result = await handler.HandleAsync(
            new CreateLocation
            {
                Code = input.Code ?? "",
                DisplayName = input.DisplayName ?? "",
                Address = input.Address(),
                UseAsInTransit = input.UseAsInTransit ?? false,
            },
            http.RequestAborted);
        return ApiSupport.Saved(
            http.Response, result.ReadPosition, result.Snapshot.Version, LocationResource.From(result.Snapshot), StatusCodes.Status201Created);
    }

    private static async Task<IResult> UpdateAsync(Guid id, HttpContext http, UpdateLocationHandler handler)
    {
        var expected = ApiSupport.ExpectedVersion(http.Request);
        var input = await ApiSupport.ReadBodyAsync<LocationInput>(http.Request);
        var result = await handler.HandleAsync(
            new UpdateLocation
            {
                Id = id,
                ExpectedVersion = expected,
                Code = input.Code,
                DisplayName = input.DisplayName,
                Address = input.Address(),
                UseAsInTransit = input.UseAsInTransit,
            },
            http.RequestAborted);
        return ApiSupport.Saved(http.Response, result.ReadPosition, result.Snapshot.Version, LocationResource.From(result.Snapshot));
    }
}

internal sealed record LocationInput : AddressFields
{
    [JsonPropertyName("@odata.etag")]
    public string? ODataETag { get; init; }

    public string? Code { get; init; }
    public string? DisplayName { get; init; }
    public bool? UseAsInTransit { get; init; }
}

/// <summary>A location as BC API v2.0 shows it (plus useAsInTransit).</summary>
internal sealed record LocationResource
{
    [JsonPropertyName("@odata.etag")]
    public required string ETag { get; init; }

    public required Guid Id { get; init; }
    public required string Code { get; init; }
    public required string DisplayName { get; init; }
    public required string AddressLine1 { get; init; }
    public required string AddressLine2 { get; init; }
    public required string City { get; init; }
    public required string State { get; init; }
    public required string Country { get; init; }
    public required string PostalCode { get; init; }
    public required bool UseAsInTransit { get; init; }
    public required DateTime LastModifiedDateTime { get; init; }

    public static LocationResource From(LocationRow r) => new()
    {
        ETag = ApiSupport.ETag(r.Version), Id = r.Id, Code = r.Code, DisplayName = r.DisplayName,
        AddressLine1 = r.AddressLine1, AddressLine2 = r.AddressLine2, City = r.City, State = r.State, Country = r.Country,
        PostalCode = r.PostalCode, UseAsInTransit = r.UseAsInTransit, LastModifiedDateTime = r.LastModifiedUtc,
    };

    public static LocationResource From(LocationChanged e) => new()
    {
        ETag = ApiSupport.ETag(e.Version), Id = e.LocationId, Code = e.Code, DisplayName = e.DisplayName,
        AddressLine1 = e.AddressLine1, AddressLine2 = e.AddressLine2, City = e.City, State = e.State, Country = e.Country,
        PostalCode = e.PostalCode, UseAsInTransit = e.UseAsInTransit,
        LastModifiedDateTime = DateTime.SpecifyKind(e.LastModifiedUtc, DateTimeKind.Utc),
    };
}
