using System.Text.Json.Serialization;
using Saas.Contracts.Inventory;
using Saas.Read.Common;
using Saas.Read.Inventory;
using Saas.Web.MasterData;
using Saas.Write.Common;
using Saas.Write.Inventory.Catalog;

namespace Saas.Web.Inventory;

/// <summary>
/// <c>catalogItems</c> (BC's Catalog Items, table Nonstock Item) and the bound action
/// <c>catalogItems({id})/Microsoft.NAV.createItem</c>, which answers with the new item.
/// </summary>
internal static class CatalogItemsApi
{
    public static void MapCatalogItems(this RouteGroupBuilder company)
    {
        company.MapGet("/catalogItems", ListAsync).RequireAuthorization("TenantMember");
        company.MapGet("/catalogItems({id:guid})", GetAsync).RequireAuthorization("TenantMember");
        company.MapPost("/catalogItems", CreateAsync).RequireAuthorization("Items.Write");
        company.MapPatch("/catalogItems({id:guid})", UpdateAsync).RequireAuthorization("Items.Write");
        company.MapPost("/catalogItems({id:guid})/Microsoft.NAV.createItem", CreateItemAsync).RequireAuthorization("Items.Write");
    }

    private static async Task<IResult> ListAsync(HttpContext http, CatalogItemQueries queries, ReadPositions positions)
    {
        var options = ApiSupport.ReadListOptions(http.Request);
        options.OnlyFilters("vendorNumber", "hasItem");
        await ApiSupport.WaitForPositionAsync(http, positions);
        var page = await queries.ListAsync(
            options.ApplyTo(new CatalogItemListQuery
            {
                Search = options.SearchOn("entryNumber", "displayName", "vendorItemNumber"),
                VendorNumber = options.Text("vendorNumber")?.Trim().ToUpperInvariant(),
                HasItem = options.Bool("hasItem"),
            }),
            http.RequestAborted);
        return ApiSupport.Page(page, CatalogItemResource.From);
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, CatalogItemQueries queries, ReadPositions positions)
    {
        await ApiSupport.WaitForPositionAsync(http, positions);
        return await queries.GetAsync(id, http.RequestAborted) is { } row
            ? ApiSupport.Card(http.Response, row.Version, CatalogItemResource.From(row))
            : ApiSupport.NotFound("Catalog item", id);
    }

    private static async Task<IResult> CreateAsync(HttpContext http, CreateCatalogItemHandler handler)
    {
        var input = await ApiSupport.ReadBodyAsync<CatalogItemInput>(http.Request);
        var result = await handler.HandleAsync(
            new CreateCatalogItem
            {
                EntryNumber = input.EntryNumber,
                DisplayName = input.DisplayName ?? "",
                ManufacturerCode = input.ManufacturerCode ?? "",
                VendorNumber = input.VendorNumber ?? "",
                VendorItemNumber = input.VendorItemNumber ?? "",
                UnitOfMeasureCode = input.UnitOfMeasureCode ?? "PCS",
                UnitPrice = input.UnitPrice ?? 0,
                UnitCost = input.UnitCost ?? 0,
                ItemCategoryCode = input.ItemCategoryCode ?? "",
            },
            http.RequestAborted);
        return ApiSupport.Saved(
            http.Response, result.ReadPosition, result.Snapshot.Version, CatalogItemResource.From(result.Snapshot), StatusCodes.Status201Created);
    }

    private static async Task<IResult> UpdateAsync(Guid id, HttpContext http, UpdateCatalogItemHandler handler)
    {
        var expected = ApiSupport.ExpectedVersion(http.Request);
        var input = await ApiSupport.ReadBodyAsync<CatalogItemInput>(http.Request);
        if (input.EntryNumber is not null)
        {
            throw ValidationFailedException.For("entryNumber", "cannot change; it identifies the catalog item.");
        }

        var result = await handler.HandleAsync(
            new UpdateCatalogItem
            {
                Id = id,
                ExpectedVersion = expected,
                DisplayName = input.DisplayName,
                ManufacturerCode = input.ManufacturerCode,
                VendorNumber = input.VendorNumber,
                VendorItemNumber = input.VendorItemNumber,
                UnitOfMeasureCode = input.UnitOfMeasureCode,
                UnitPrice = input.UnitPrice,
                UnitCost = input.UnitCost,
                ItemCategoryCode = input.ItemCategoryCode,
            },
            http.RequestAborted);
        return ApiSupport.Saved(http.Response, result.ReadPosition, result.Snapshot.Version, CatalogItemResource.From(result.Snapshot));
    }

    /// <summary>
    /// Answers 201 with the item (as <c>items</c> shows it) and its read position; the catalog item's new link
    /// has its own position in <c>X-Catalog-Item-Read-Position</c>.
    /// </summary>
    private static async Task<IResult> CreateItemAsync(Guid id, HttpContext http, CreateItemFromCatalogItemHandler handler)
    {
        // The body is optional: {} or { "numberFormat": "Vendor Item No." }.
        var input = http.Request.ContentLength is 0 || !http.Request.HasJsonContentType()
            ? new CreateItemInput()
            : await ApiSupport.ReadBodyAsync<CreateItemInput>(http.Request);
        var format = CatalogItemNumberFormat.ItemNoSeries;
        if (input.NumberFormat is not null)
        {
            format = BcEnum.Parse<CatalogItemNumberFormat>("numberFormat", input.NumberFormat);
        }

        var result = await handler.HandleAsync(new CreateItemFromCatalogItem { CatalogItemId = id, NumberFormat = format }, http.RequestAborted);
        ApiSupport.SetCommandHeaders(http.Response, result.Item.ReadPosition, result.Item.Snapshot.Version);
        http.Response.Headers[CatalogItemReadPositionHeader] = result.CatalogItem.ReadPosition.ToString();
        return Results.Json(ItemResource.From(result.Item.Snapshot), ApiSupport.Json, statusCode: StatusCodes.Status201Created);
    }

    public const string CatalogItemReadPositionHeader = "X-Catalog-Item-Read-Position";
}

internal sealed record CreateItemInput
{
    public string? NumberFormat { get; init; }
}

internal sealed record CatalogItemInput
{
    [JsonPropertyName("@odata.etag")]
    public string? ODataETag { get; init; }

    public string? EntryNumber { get; init; }
    public string? DisplayName { get; init; }
    public string? ManufacturerCode { get; init; }
    public string? VendorNumber { get; init; }
    public string? VendorItemNumber { get; init; }
    public string? UnitOfMeasureCode { get; init; }
    public decimal? UnitPrice { get; init; }
    public decimal? UnitCost { get; init; }
    public string? ItemCategoryCode { get; init; }
}

internal sealed record CatalogItemResource
{
    [JsonPropertyName("@odata.etag")]
    public required string ETag { get; init; }

    public required Guid Id { get; init; }
    public required string EntryNumber { get; init; }
    public required string DisplayName { get; init; }
    public required string ManufacturerCode { get; init; }
    public required string VendorNumber { get; init; }
    public required string VendorItemNumber { get; init; }
    public required string UnitOfMeasureCode { get; init; }
    public required decimal UnitPrice { get; init; }
    public required decimal UnitCost { get; init; }
    public required string ItemCategoryCode { get; init; }
    public required Guid? ItemId { get; init; }
    public required string ItemNumber { get; init; }
    public required DateTime LastModifiedDateTime { get; init; }

    public static CatalogItemResource From(CatalogItemRow row) => new()
    {
        ETag = ApiSupport.ETag(row.Version),
        Id = row.Id,
        EntryNumber = row.EntryNumber,
        DisplayName = row.DisplayName,
        ManufacturerCode = row.ManufacturerCode,
        VendorNumber = row.VendorNumber,
        VendorItemNumber = row.VendorItemNumber,
        UnitOfMeasureCode = row.UnitOfMeasureCode,
        UnitPrice = row.UnitPrice,
        UnitCost = row.UnitCost,
        ItemCategoryCode = row.ItemCategoryCode,
        ItemId = row.ItemId,
        ItemNumber = row.ItemNumber,
        LastModifiedDateTime = row.LastModifiedUtc,
    };

    public static CatalogItemResource From(CatalogItemChanged e) => new()
    {
        ETag = ApiSupport.ETag(e.Version),
        Id = e.CatalogItemId,
        EntryNumber = e.EntryNumber,
        DisplayName = e.DisplayName,
        ManufacturerCode = e.ManufacturerCode,
        VendorNumber = e.VendorNumber,
        VendorItemNumber = e.VendorItemNumber,
        UnitOfMeasureCode = e.UnitOfMeasureCode,
        UnitPrice = e.UnitPrice,
        UnitCost = e.UnitCost,
        ItemCategoryCode = e.ItemCategoryCode,
        ItemId = e.ItemId,
        ItemNumber = e.ItemNumber,
        LastModifiedDateTime = DateTime.SpecifyKind(e.LastModifiedUtc, DateTimeKind.Utc),
    };
}
