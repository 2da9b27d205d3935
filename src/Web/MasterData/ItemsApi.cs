using System.Text.Json.Serialization;
using Saas.Contracts.MasterData;
using Saas.Read.Common;
using Saas.Read.Inventory;
using Saas.Read.MasterData;
using Saas.Write.Common;
using Saas.Write.Inventory;

namespace Saas.Web.MasterData;

/// <summary>BC API v2.0 <c>items</c>: list and card from the read side, create and change through the write side.</summary>
internal static class ItemsApi
{
    public static void MapItems(this RouteGroupBuilder company)
    {
        company.MapGet("/items", ListAsync).RequireAuthorization("TenantMember");
        company.MapGet("/items({id:guid})", GetAsync).RequireAuthorization("TenantMember");
        company.MapPost("/items", CreateAsync).RequireAuthorization("Items.Write");
        company.MapPatch("/items({id:guid})", UpdateAsync).RequireAuthorization("Items.Write");
        company.MapGet("/items({id:guid})/inventoryByLocation", InventoryByLocationAsync).RequireAuthorization("TenantMember");
    }

    private static async Task<IResult> ListAsync(HttpContext http, ItemQueries queries, InventoryQueries inventory, ReadPositions positions)
    {
        var options = ApiSupport.ReadListOptions(http.Request);
        options.OnlyFilters("type", "blocked");
        var type = options.Text("type") is { } word ? BcEnum.ToWord(BcEnum.Parse<ItemType>("$filter", word)) : null;
        await ApiSupport.WaitForPositionAsync(http, positions);
        var page = await queries.ListAsync(
            new ItemListQuery
            {
                Top = options.Top,
                Skip = options.Skip,
                OrderBy = options.OrderBy,
                Descending = options.Descending,
                Search = options.SearchOn("displayName", "number"),
                Type = type,
                Blocked = options.Bool("blocked"),
            },
            http.RequestAborted);
        var quantities = await inventory.QuantitiesAsync(page.Value.Select(i => i.Id).ToList(), http.RequestAborted);
        return Results.Json(
            ApiSupport.ListResponse(page.Value.Select(i => ItemResource.From(i) with { Inventory = quantities[i.Id] }), page.Count), ApiSupport.Json);
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, ItemQueries queries, InventoryQueries inventory, ReadPositions positions)
    {
        await ApiSupport.WaitForPositionAsync(http, positions);
        var row = await queries.GetAsync(id, http.RequestAborted);
        if (row is null)
        {
            return ApiSupport.NotFound("Item", id);
        }

        http.Response.Headers.ETag = ApiSupport.ETag(row.Version);
        return Results.Json(ItemResource.From(row) with { Inventory = await inventory.QuantityAsync(id, http.RequestAborted) }, ApiSupport.Json);
    }

    /// <summary>
    /// BC has no v2.0 entity for this (its pages show "Item Availability by Location"): a navigation of the item,
    /// one row per location the item has been posted at, <c>$filter=locationCode eq 'X'</c>, paged.
    /// </summary>
    private static async Task<IResult> InventoryByLocationAsync(Guid id, HttpContext http, ItemQueries items, InventoryQueries inventory, ReadPositions positions)
    {
        var options = ApiSupport.ReadListOptions(http.Request);
        options.OnlyFilters("locationCode");
        await ApiSupport.WaitForPositionAsync(http, positions);

        // Another company's item looks exactly like an unknown one.
        var item = await items.GetAsync(id, http.RequestAborted);
        if (item is null)
        {
            return ApiSupport.NotFound("Item", id);
        }

        var page = await inventory.ByLocationAsync(
            id,
            new ListQuery { Top = options.Top, Skip = options.Skip, OrderBy = options.OrderBy, Descending = options.Descending },
            options.Text("locationCode") is { } code ? Codes.Normalize(code) : null,
            http.RequestAborted);
        return Results.Json(
            ApiSupport.ListResponse(page.Value.Select(r => ItemInventoryResource.From(item, r)), page.Count), ApiSupport.Json);
    }

    private static async Task<IResult> CreateAsync(HttpContext http, CreateItemHandler handler)
    {
        var input = await ApiSupport.ReadBodyAsync<ItemInput>(http.Request);
        var enums = new Validation();
        var type = ApiSupport.ParseOrNull<ItemType>(enums, "type", input.Type);
        var costing = ApiSupport.ParseOrNull<CostingMethod>(enums, "costingMethod", input.CostingMethod);
        enums.ThrowIfInvalid();
        var result = await handler.HandleAsync(
            new CreateItem
            {
                Number = input.Number,
                DisplayName = input.DisplayName ?? "",
                Type = type ?? ItemType.Inventory,
                BaseUnitOfMeasureCode = input.BaseUnitOfMeasureCode ?? "PCS",
                UnitPrice = input.UnitPrice ?? 0,
                UnitCost = input.UnitCost ?? 0,
                CostingMethod = costing ?? CostingMethod.FIFO,
                ItemCategoryCode = input.ItemCategoryCode ?? "",
                Blocked = input.Blocked ?? false,
                SalesBlocked = input.SalesBlocked ?? false,
                PurchasingBlocked = input.PurchasingBlocked ?? false,
            },
            http.RequestAborted);
        ApiSupport.SetCommandHeaders(http.Response, result.ReadPosition, result.Snapshot.Version);
        return Results.Json(
            ItemResource.From(result.Snapshot), ApiSupport.Json, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> UpdateAsync(Guid id, HttpContext http, UpdateItemHandler handler, InventoryQueries inventory)
    {
        var expected = ApiSupport.ExpectedVersion(http.Request);
        var input = await ApiSupport.ReadBodyAsync<ItemInput>(http.Request);
        var enums = new Validation();
        var type = ApiSupport.ParseOrNull<ItemType>(enums, "type", input.Type);
        var costing = ApiSupport.ParseOrNull<CostingMethod>(enums, "costingMethod", input.CostingMethod);
        enums.ThrowIfInvalid();
        var result = await handler.HandleAsync(
            new UpdateItem
            {
                Id = id,
                ExpectedVersion = expected,
                Number = input.Number,
                DisplayName = input.DisplayName,
                Type = type,
                BaseUnitOfMeasureCode = input.BaseUnitOfMeasureCode,
                UnitPrice = input.UnitPrice,
                UnitCost = input.UnitCost,
                CostingMethod = costing,
                ItemCategoryCode = input.ItemCategoryCode,
                Blocked = input.Blocked,
                SalesBlocked = input.SalesBlocked,
                PurchasingBlocked = input.PurchasingBlocked,
            },
            http.RequestAborted);
        ApiSupport.SetCommandHeaders(http.Response, result.ReadPosition, result.Snapshot.Version);
        return Results.Json(
            ItemResource.From(result.Snapshot) with { Inventory = await inventory.QuantityAsync(id, http.RequestAborted) }, ApiSupport.Json);
    }

}

/// <summary>The body of POST and PATCH. Every field is optional here; the command decides what is required.</summary>
internal sealed record ItemInput
{
    /// <summary>Clients echo the ETag they read; If-Match is what is checked.</summary>
    [JsonPropertyName("@odata.etag")]
    public string? ODataETag { get; init; }

    public string? Number { get; init; }
    public string? DisplayName { get; init; }
    public string? Type { get; init; }
    public string? BaseUnitOfMeasureCode { get; init; }
    public decimal? UnitPrice { get; init; }
    public decimal? UnitCost { get; init; }
    public string? CostingMethod { get; init; }
    public string? ItemCategoryCode { get; init; }
    public bool? Blocked { get; init; }
    public bool? SalesBlocked { get; init; }
    public bool? PurchasingBlocked { get; init; }
}

/// <summary>An item as BC API v2.0 shows it (plus costingMethod and the sales/purchasing blocks).</summary>
internal sealed record ItemResource
{
    [JsonPropertyName("@odata.etag")]
    public required string ETag { get; init; }

    public required Guid Id { get; init; }
    public required string Number { get; init; }
    public required string DisplayName { get; init; }
    public required string Type { get; init; }
    public required string ItemCategoryCode { get; init; }
    public required bool Blocked { get; init; }
    public required bool SalesBlocked { get; init; }
    public required bool PurchasingBlocked { get; init; }
    public required string BaseUnitOfMeasureCode { get; init; }
    public required decimal UnitPrice { get; init; }
    public required decimal UnitCost { get; init; }
    public required string CostingMethod { get; init; }

    /// <summary>
    /// Quantity on hand over all locations (BC's Inventory FlowField), from the inventory projection: after a
    /// posting, send its <c>X-Read-Position</c> in <c>X-Wait-For-Position</c> to see it.
    /// </summary>
    public decimal Inventory { get; init; }

    public required DateTime LastModifiedDateTime { get; init; }

    public static ItemResource From(ItemRow row) => new()
    {
        ETag = ApiSupport.ETag(row.Version),
        Id = row.Id,
        Number = row.Number,
        DisplayName = row.DisplayName,
        Type = row.Type,
        ItemCategoryCode = row.ItemCategoryCode,
        Blocked = row.Blocked,
        SalesBlocked = row.SalesBlocked,
        PurchasingBlocked = row.PurchasingBlocked,
        BaseUnitOfMeasureCode = row.BaseUnitOfMeasureCode,
        UnitPrice = row.UnitPrice,
        UnitCost = row.UnitCost,
        CostingMethod = row.CostingMethod,
        LastModifiedDateTime = row.LastModifiedUtc,
    };

    public static ItemResource From(ItemChanged e) => new()
    {
        ETag = ApiSupport.ETag(e.Version),
        Id = e.ItemId,
        Number = e.Number,
        DisplayName = e.DisplayName,
        Type = e.Type,
        ItemCategoryCode = e.ItemCategoryCode,
        Blocked = e.Blocked,
        SalesBlocked = e.SalesBlocked,
        PurchasingBlocked = e.PurchasingBlocked,
        BaseUnitOfMeasureCode = e.BaseUnitOfMeasureCode,
        UnitPrice = e.UnitPrice,
        UnitCost = e.UnitCost,
        CostingMethod = e.CostingMethod,
        LastModifiedDateTime = DateTime.SpecifyKind(e.LastModifiedUtc, DateTimeKind.Utc),
    };
}

/// <summary>One row of <c>items({id})/inventoryByLocation</c>: quantity and cost on hand at one location.</summary>
internal sealed record ItemInventoryResource
{
    public required Guid ItemId { get; init; }
    public required string ItemNumber { get; init; }

    /// <summary>Blank for entries posted without a location, as in BC.</summary>
    public required string LocationCode { get; init; }

    public required decimal Inventory { get; init; }

    /// <summary>Σ expected and actual cost of the value entries at the location (BC's Cost Amount (Expected) + (Actual)).</summary>
    public required decimal InventoryValue { get; init; }

    public static ItemInventoryResource From(ItemRow item, ItemLocationInventory row) => new()
    {
        ItemId = item.Id,
        ItemNumber = item.Number,
        LocationCode = row.LocationCode,
        Inventory = row.Quantity,
        InventoryValue = row.CostAmount,
    };
}
