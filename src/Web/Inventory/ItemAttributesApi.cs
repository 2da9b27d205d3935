using System.Text.Json.Serialization;
using Saas.Contracts.Inventory;
using Saas.Read.Common;
using Saas.Read.Inventory;
using Saas.Web.MasterData;
using Saas.Write.Common;
using Saas.Write.Inventory.Catalog;

namespace Saas.Web.Inventory;

/// <summary>
/// <c>itemAttributes</c> (definitions) and <c>itemAttributeValues</c> under <c>items({id})</c> and
/// <c>itemCategories({id})</c>. A GET of an owner's values shows the inherited category defaults too, with
/// <c>inheritedFromCategory</c>; POST sets a value (replacing one of the same attribute), PATCH and DELETE address
/// the owner's own value by attribute id.
/// </summary>
internal static class ItemAttributesApi
{
    public static void MapItemAttributes(this RouteGroupBuilder company)
    {
        company.MapGet("/itemAttributes", ListAsync).RequireAuthorization("TenantMember");
        company.MapGet("/itemAttributes({id:guid})", GetAsync).RequireAuthorization("TenantMember");
        company.MapPost("/itemAttributes", CreateAsync).RequireAuthorization("Items.Write");
        company.MapPatch("/itemAttributes({id:guid})", UpdateAsync).RequireAuthorization("Items.Write");

        foreach (var (route, owner) in new[] { ("items", AttributeOwnerType.Item), ("itemCategories", AttributeOwnerType.ItemCategory) })
        {
            company.MapGet($"/{route}({{id:guid}})/itemAttributeValues", (Guid id, HttpContext http, ItemAttributeQueries queries, ReadPositions positions) =>
                ListValuesAsync(owner, id, http, queries, positions)).RequireAuthorization("TenantMember");
            company.MapPost($"/{route}({{id:guid}})/itemAttributeValues", (Guid id, HttpContext http, SetItemAttributeValueHandler handler) =>
                SetValueAsync(owner, id, null, http, handler)).RequireAuthorization("Items.Write");
            company.MapPatch($"/{route}({{id:guid}})/itemAttributeValues({{attributeId:guid}})", (Guid id, Guid attributeId, HttpContext http, SetItemAttributeValueHandler handler) =>
                SetValueAsync(owner, id, attributeId, http, handler)).RequireAuthorization("Items.Write");
            company.MapDelete($"/{route}({{id:guid}})/itemAttributeValues({{attributeId:guid}})", (Guid id, Guid attributeId, HttpContext http, RemoveItemAttributeValueHandler handler) =>
                RemoveValueAsync(owner, id, attributeId, http, handler)).RequireAuthorization("Items.Write");
        }
    }

    private static async Task<IResult> ListAsync(HttpContext http, ItemAttributeQueries queries, ReadPositions positions)
    {
        var options = ApiSupport.ReadListOptions(http.Request);
        options.OnlyFilters("type", "blocked");
        var type = options.Text("type") is { } word ? BcEnum.ToWord(BcEnum.Parse<ItemAttributeType>("$filter", word)) : null;
        await ApiSupport.WaitForPositionAsync(http, positions);
        var page = await queries.ListAsync(
            options.ApplyTo(new ItemAttributeListQuery
            {
                Search = options.SearchOn("name"),
                Type = type,
                Blocked = options.Bool("blocked"),
            }),
            http.RequestAborted);
        return ApiSupport.Page(page, ItemAttributeResource.From);
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, ItemAttributeQueries queries, ReadPositions positions)
    {
        await ApiSupport.WaitForPositionAsync(http, positions);
        return await queries.GetAsync(id, http.RequestAborted) is { } row
            ? ApiSupport.Card(http.Response, row.Version, ItemAttributeResource.From(row))
            : ApiSupport.NotFound("Item attribute", id);
    }

    private static async Task<IResult> CreateAsync(HttpContext http, CreateItemAttributeHandler handler)
    {
        var input = await ApiSupport.ReadBodyAsync<ItemAttributeInput>(http.Request);
        var enums = new Validation();
        var type = ApiSupport.ParseOrNull<ItemAttributeType>(enums, "type", input.Type);
        enums.ThrowIfInvalid();
        var result = await handler.HandleAsync(
            new CreateItemAttribute
            {
                Name = input.Name ?? "",
                Type = type ?? ItemAttributeType.Text,
                OptionValues = input.OptionValues ?? [],
                UnitOfMeasure = input.UnitOfMeasure ?? "",
                Blocked = input.Blocked ?? false,
            },
            http.RequestAborted);
        return ApiSupport.Saved(
            http.Response, result.ReadPosition, result.Snapshot.Version, ItemAttributeResource.From(result.Snapshot), StatusCodes.Status201Created);
    }

    private static async Task<IResult> UpdateAsync(Guid id, HttpContext http, UpdateItemAttributeHandler handler)
    {
        var expected = ApiSupport.ExpectedVersion(http.Request);
        var input = await ApiSupport.ReadBodyAsync<ItemAttributeInput>(http.Request);
        var enums = new Validation();
        var type = ApiSupport.ParseOrNull<ItemAttributeType>(enums, "type", input.Type);
        enums.ThrowIfInvalid();
        var result = await handler.HandleAsync(
            new UpdateItemAttribute
            {
                Id = id,
                ExpectedVersion = expected,
                Name = input.Name,
                Type = type,
                OptionValues = input.OptionValues,
                UnitOfMeasure = input.UnitOfMeasure,
                Blocked = input.Blocked,
            },
            http.RequestAborted);
        return ApiSupport.Saved(http.Response, result.ReadPosition, result.Snapshot.Version, ItemAttributeResource.From(result.Snapshot));
    }

    private static async Task<IResult> ListValuesAsync(
        AttributeOwnerType owner, Guid id, HttpContext http, ItemAttributeQueries queries, ReadPositions positions)
    {
        await ApiSupport.WaitForPositionAsync(http, positions);
        var values = owner == AttributeOwnerType.Item
            ? await queries.ForItemAsync(id, http.RequestAborted)
            : await queries.ForCategoryAsync(id, http.RequestAborted);
        if (values is null)
        {
            return ApiSupport.NotFound(owner == AttributeOwnerType.Item ? "Item" : "Item category", id);
        }

        return Results.Json(ApiSupport.ListResponse(values.Select(ItemAttributeValueResource.From), values.Count), ApiSupport.Json);
    }

    private static async Task<IResult> SetValueAsync(
        AttributeOwnerType owner, Guid id, Guid? attributeId, HttpContext http, SetItemAttributeValueHandler handler)
    {
        var expected = attributeId is null ? null : ApiSupport.ExpectedVersion(http.Request);
        var input = await ApiSupport.ReadBodyAsync<ItemAttributeValueInput>(http.Request);
        var result = await handler.HandleAsync(
            new SetItemAttributeValue
            {
                OwnerType = owner,
                OwnerId = id,
                AttributeId = attributeId ?? input.AttributeId,
                AttributeName = input.AttributeName,
                Value = input.Value ?? "",
                ExpectedVersion = expected,
            },
            http.RequestAborted);
        return ApiSupport.Saved(
            http.Response,
            result.ReadPosition,
            result.Snapshot.Version,
            ItemAttributeValueResource.From(result.Snapshot),
            attributeId is null ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static async Task<IResult> RemoveValueAsync(
        AttributeOwnerType owner, Guid id, Guid attributeId, HttpContext http, RemoveItemAttributeValueHandler handler)
    {
        var result = await handler.HandleAsync(
            new RemoveItemAttributeValue
            {
                OwnerType = owner,
                OwnerId = id,
                AttributeId = attributeId,
                ExpectedVersion = CatalogApiSupport.OptionalExpectedVersion(http.Request),
            },
            http.RequestAborted);
        http.Response.Headers[ApiSupport.ReadPositionHeader] = result.ReadPosition.ToString();
        return Results.NoContent();
    }
}

internal sealed record ItemAttributeInput
{
    [JsonPropertyName("@odata.etag")]
    public string? ODataETag { get; init; }

    public string? Name { get; init; }
    public string? Type { get; init; }
    public IReadOnlyList<string>? OptionValues { get; init; }
    public string? UnitOfMeasure { get; init; }
    public bool? Blocked { get; init; }
}

internal sealed record ItemAttributeResource
{
    [JsonPropertyName("@odata.etag")]
    public required string ETag { get; init; }

    public required Guid Id { get; init; }
    public required string Name { get; init; }
    public required string Type { get; init; }
    public required IReadOnlyList<string> OptionValues { get; init; }
    public required string UnitOfMeasure { get; init; }
    public required bool Blocked { get; init; }
    public required DateTime LastModifiedDateTime { get; init; }

    public static ItemAttributeResource From(ItemAttributeRow row) => new()
    {
        ETag = ApiSupport.ETag(row.Version),
        Id = row.Id,
        Name = row.Name,
        Type = row.Type,
        OptionValues = row.Options,
        UnitOfMeasure = row.UnitOfMeasure,
        Blocked = row.Blocked,
        LastModifiedDateTime = row.LastModifiedUtc,
    };

    public static ItemAttributeResource From(ItemAttributeChanged e) => new()
    {
        ETag = ApiSupport.ETag(e.Version),
        Id = e.ItemAttributeId,
        Name = e.Name,
        Type = e.Type,
        OptionValues = e.OptionValues,
        UnitOfMeasure = e.UnitOfMeasure,
        Blocked = e.Blocked,
        LastModifiedDateTime = DateTime.SpecifyKind(e.LastModifiedUtc, DateTimeKind.Utc),
    };
}

internal sealed record ItemAttributeValueInput
{
    [JsonPropertyName("@odata.etag")]
    public string? ODataETag { get; init; }

    public Guid? AttributeId { get; init; }
    public string? AttributeName { get; init; }
    public string? Value { get; init; }
}

/// <summary>An attribute value as the owner shows it; <c>id</c> is the attribute's id (one value per attribute).</summary>
internal sealed record ItemAttributeValueResource
{
    [JsonPropertyName("@odata.etag")]
    public required string ETag { get; init; }

    public required Guid Id { get; init; }
    public required Guid AttributeId { get; init; }
    public string? AttributeName { get; init; }
    public string? AttributeType { get; init; }
    public required string Value { get; init; }
    public string? UnitOfMeasure { get; init; }
    public required string InheritedFromCategory { get; init; }
    public required DateTime LastModifiedDateTime { get; init; }

    public static ItemAttributeValueResource From(EffectiveAttributeValue v) => new()
    {
        ETag = ApiSupport.ETag(v.Version),
        Id = v.AttributeId,
        AttributeId = v.AttributeId,
        AttributeName = v.AttributeName,
        AttributeType = v.AttributeType,
        Value = v.Value,
        UnitOfMeasure = v.UnitOfMeasure,
        InheritedFromCategory = v.InheritedFromCategory,
        LastModifiedDateTime = v.LastModifiedUtc,
    };

    public static ItemAttributeValueResource From(ItemAttributeValueChanged e) => new()
    {
        ETag = ApiSupport.ETag(e.Version),
        Id = e.ItemAttributeId,
        AttributeId = e.ItemAttributeId,
        Value = e.Value,
        InheritedFromCategory = "",
        LastModifiedDateTime = DateTime.SpecifyKind(e.LastModifiedUtc, DateTimeKind.Utc),
    };
}
