using System.Text.Json.Serialization;
using Saas.Contracts.Inventory;
using Saas.Read.Common;
using Saas.Read.Inventory;
using Saas.Web.MasterData;
using Saas.Write.Inventory.Catalog;

namespace Saas.Web.Inventory;

/// <summary>BC API v2.0 <c>itemCategories</c> (plus <c>parentCategory</c>, BC's Parent Category field).</summary>
internal static class ItemCategoriesApi
{
    public static void MapItemCategories(this RouteGroupBuilder company)
    {
        company.MapGet("/itemCategories", ListAsync).RequireAuthorization("TenantMember");
        company.MapGet("/itemCategories({id:guid})", GetAsync).RequireAuthorization("TenantMember");
        company.MapPost("/itemCategories", CreateAsync).RequireAuthorization("Items.Write");
        company.MapPatch("/itemCategories({id:guid})", UpdateAsync).RequireAuthorization("Items.Write");
        company.MapDelete("/itemCategories({id:guid})", DeleteAsync).RequireAuthorization("Items.Write");
    }

    private static async Task<IResult> ListAsync(HttpContext http, ItemCategoryQueries queries, ReadPositions positions)
    {
        var options = ApiSupport.ReadListOptions(http.Request);
        options.OnlyFilters("parentCategory");
        await ApiSupport.WaitForPositionAsync(http, positions);
        var page = await queries.ListAsync(
            options.ApplyTo(new ItemCategoryListQuery
            {
                Search = options.SearchOn("code", "displayName"),
                ParentCategory = options.Text("parentCategory")?.Trim().ToUpperInvariant(),
            }),
            http.RequestAborted);
        return ApiSupport.Page(page, ItemCategoryResource.From);
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, ItemCategoryQueries queries, ReadPositions positions)
    {
        await ApiSupport.WaitForPositionAsync(http, positions);
        return await queries.GetAsync(id, http.RequestAborted) is { } row
            ? ApiSupport.Card(http.Response, row.Version, ItemCategoryResource.From(row))
            : ApiSupport.NotFound("Item category", id);
    }

    private static async Task<IResult> CreateAsync(HttpContext http, CreateItemCategoryHandler handler)
    {
        var input = await ApiSupport.ReadBodyAsync<ItemCategoryInput>(http.Request);
        var result = await handler.HandleAsync(
            new CreateItemCategory { Code = input.Code ?? "", DisplayName = input.DisplayName ?? "", ParentCategory = input.ParentCategory ?? "" },
            http.RequestAborted);
        return ApiSupport.Saved(
            http.Response, result.ReadPosition, result.Snapshot.Version, ItemCategoryResource.From(result.Snapshot), StatusCodes.Status201Created);
    }

    private static async Task<IResult> UpdateAsync(Guid id, HttpContext http, UpdateItemCategoryHandler handler)
    {
        var expected = ApiSupport.ExpectedVersion(http.Request);
        var input = await ApiSupport.ReadBodyAsync<ItemCategoryInput>(http.Request);
        var result = await handler.HandleAsync(
            new UpdateItemCategory
            {
                Id = id,
                ExpectedVersion = expected,
                Code = input.Code,
                DisplayName = input.DisplayName,
                ParentCategory = input.ParentCategory,
            },
            http.RequestAborted);
        return ApiSupport.Saved(http.Response, result.ReadPosition, result.Snapshot.Version, ItemCategoryResource.From(result.Snapshot));
    }

    private static async Task<IResult> DeleteAsync(Guid id, HttpContext http, DeleteItemCategoryHandler handler)
    {
        var result = await handler.HandleAsync(new DeleteItemCategory { Id = id, ExpectedVersion = CatalogApiSupport.OptionalExpectedVersion(http.Request) }, http.RequestAborted);
        http.Response.Headers[ApiSupport.ReadPositionHeader] = result.ReadPosition.ToString();
        return Results.NoContent();
    }
}

internal sealed record ItemCategoryInput
{
    [JsonPropertyName("@odata.etag")]
    public string? ODataETag { get; init; }

    public string? Code { get; init; }
    public string? DisplayName { get; init; }
    public string? ParentCategory { get; init; }
}

internal sealed record ItemCategoryResource
{
    [JsonPropertyName("@odata.etag")]
    public required string ETag { get; init; }

    public required Guid Id { get; init; }
    public required string Code { get; init; }
    public required string DisplayName { get; init; }
    public required string ParentCategory { get; init; }
    public required DateTime LastModifiedDateTime { get; init; }

    public static ItemCategoryResource From(ItemCategoryRow row) => new()
    {
        ETag = ApiSupport.ETag(row.Version),
        Id = row.Id,
        Code = row.Code,
        DisplayName = row.DisplayName,
        ParentCategory = row.ParentCategory,
        LastModifiedDateTime = row.LastModifiedUtc,
    };

    public static ItemCategoryResource From(ItemCategoryChanged e) => new()
    {
        ETag = ApiSupport.ETag(e.Version),
        Id = e.ItemCategoryId,
        Code = e.Code,
        DisplayName = e.DisplayName,
        ParentCategory = e.ParentCategory,
        LastModifiedDateTime = DateTime.SpecifyKind(e.LastModifiedUtc, DateTimeKind.Utc),
    };
}
