using System.Text.Json.Serialization;
using Saas.Contracts.Inventory;
using Saas.Read.Common;
using Saas.Read.Inventory;
using Saas.Web.MasterData;
using Saas.Write.Common;
using Saas.Write.Inventory.Catalog;

namespace Saas.Web.Inventory;

/// <summary>
/// <c>itemReferences</c>: a customer's or vendor's number for an item, or its bar code. The look-up is a list
/// filter: <c>?$filter=referenceNumber eq 'ABC-1'</c> (optionally with referenceType and referenceTypeNumber).
/// </summary>
internal static class ItemReferencesApi
{
    public static void MapItemReferences(this RouteGroupBuilder company)
    {
        company.MapGet("/itemReferences", ListAsync).RequireAuthorization("TenantMember");
        company.MapGet("/itemReferences({id:guid})", GetAsync).RequireAuthorization("TenantMember");
        company.MapPost("/itemReferences", CreateAsync).RequireAuthorization("Items.Write");
        company.MapPatch("/itemReferences({id:guid})", UpdateAsync).RequireAuthorization("Items.Write");
        company.MapDelete("/itemReferences({id:guid})", DeleteAsync).RequireAuthorization("Items.Write");
    }

    private static async Task<IResult> ListAsync(HttpContext http, ItemReferenceQueries queries, ReadPositions positions)
    {
        var options = ApiSupport.ReadListOptions(http.Request);
        options.OnlyFilters("itemId", "referenceType", "referenceTypeNumber", "referenceNumber");
        Guid? itemId = null;
        if (options.Text("itemId") is { } idText)
        {
            itemId = Guid.TryParse(idText, out var parsed) ? parsed : throw ValidationFailedException.For("$filter", "itemId takes an id.");
        }

        var type = options.Text("referenceType") is { } word ? BcEnum.ToWord(BcEnum.Parse<ItemReferenceType>("$filter", word)) : null;
        await ApiSupport.WaitForPositionAsync(http, positions);
        var page = await queries.ListAsync(
            options.ApplyTo(new ItemReferenceListQuery
            {
                Search = options.SearchOn("referenceNumber", "description", "itemNumber"),
                ItemId = itemId,
                ReferenceType = type,
                ReferenceTypeNumber = Codes.NormalizeOrNull(options.Text("referenceTypeNumber")),
                ReferenceNumber = Codes.NormalizeOrNull(options.Text("referenceNumber")),
            }),
            http.RequestAborted);
        return ApiSupport.Page(page, ItemReferenceResource.From);
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, ItemReferenceQueries queries, ReadPositions positions)
    {
        await ApiSupport.WaitForPositionAsync(http, positions);
        return await queries.GetAsync(id, http.RequestAborted) is { } row
            ? ApiSupport.Card(http.Response, row.Version, ItemReferenceResource.From(row))
            : ApiSupport.NotFound("Item reference", id);
    }

    private static async Task<IResult> CreateAsync(HttpContext http, ItemReferenceHandlers handlers)
    {
        var input = await ApiSupport.ReadBodyAsync<ItemReferenceInput>(http.Request);
        var enums = new Validation();
        var type = ApiSupport.ParseOrNull<ItemReferenceType>(enums, "referenceType", input.ReferenceType);
        if (input.ReferenceType is null)
        {
            enums.Add("referenceType", $"is required: one of {BcEnum.Allowed<ItemReferenceType>()}.");
        }

        enums.ThrowIfInvalid();
        var result = await handlers.CreateAsync(
            new CreateItemReference
            {
                ItemId = input.ItemId,
                ItemNumber = input.ItemNumber,
                ReferenceType = type!.Value,
                ReferenceTypeNumber = input.ReferenceTypeNumber ?? "",
                ReferenceNumber = input.ReferenceNumber ?? "",
                UnitOfMeasureCode = input.UnitOfMeasureCode ?? "",
                Description = input.Description ?? "",
            },
            http.RequestAborted);
        return ApiSupport.Saved(
            http.Response, result.ReadPosition, result.Snapshot.Version, ItemReferenceResource.From(result.Snapshot, input.ItemNumber), StatusCodes.Status201Created);
    }

    private static async Task<IResult> UpdateAsync(Guid id, HttpContext http, ItemReferenceHandlers handlers)
    {
        var expected = ApiSupport.ExpectedVersion(http.Request);
        var input = await ApiSupport.ReadBodyAsync<ItemReferenceInput>(http.Request);
        var enums = new Validation();
        var type = ApiSupport.ParseOrNull<ItemReferenceType>(enums, "referenceType", input.ReferenceType);
        if (input.ItemId is not null || input.ItemNumber is not null)
        {
            // BC's key includes the item: a reference to another item is a new reference.
            enums.Add("itemId", "cannot change; delete the reference and add one for the other item.");
        }

        enums.ThrowIfInvalid();
        var result = await handlers.UpdateAsync(
            new UpdateItemReference
            {
                Id = id,
                ExpectedVersion = expected,
                ReferenceType = type,
                ReferenceTypeNumber = input.ReferenceTypeNumber,
                ReferenceNumber = input.ReferenceNumber,
                UnitOfMeasureCode = input.UnitOfMeasureCode,
                Description = input.Description,
            },
            http.RequestAborted);
        return ApiSupport.Saved(http.Response, result.ReadPosition, result.Snapshot.Version, ItemReferenceResource.From(result.Snapshot, null));
    }

    private static async Task<IResult> DeleteAsync(Guid id, HttpContext http, ItemReferenceHandlers handlers)
    {
        var result = await handlers.DeleteAsync(
            new DeleteItemReference { Id = id, ExpectedVersion = CatalogApiSupport.OptionalExpectedVersion(http.Request) }, http.RequestAborted);
        http.Response.Headers[ApiSupport.ReadPositionHeader] = result.ReadPosition.ToString();
        return Results.NoContent();
    }
}

internal sealed record ItemReferenceInput
{
    [JsonPropertyName("@odata.etag")]
    public string? ODataETag { get; init; }

    public Guid? ItemId { get; init; }
    public string? ItemNumber { get; init; }
    public string? ReferenceType { get; init; }
    public string? ReferenceTypeNumber { get; init; }
    public string? ReferenceNumber { get; init; }
    public string? UnitOfMeasureCode { get; init; }
    public string? Description { get; init; }
}

internal sealed record ItemReferenceResource
{
    [JsonPropertyName("@odata.etag")]
    public required string ETag { get; init; }

    public required Guid Id { get; init; }
    public required Guid ItemId { get; init; }

    /// <summary>The item's current number (read side); null in a command's answer, which does not look it up.</summary>
    public string? ItemNumber { get; init; }

    public required string ReferenceType { get; init; }
    public required string ReferenceTypeNumber { get; init; }
    public required string ReferenceNumber { get; init; }
    public required string UnitOfMeasureCode { get; init; }
    public required string Description { get; init; }
    public required DateTime LastModifiedDateTime { get; init; }

    public static ItemReferenceResource From(ItemReferenceView row) => new()
    {
        ETag = ApiSupport.ETag(row.Version),
        Id = row.Id,
        ItemId = row.ItemId,
        ItemNumber = row.ItemNumber,
        ReferenceType = row.ReferenceType,
        ReferenceTypeNumber = row.ReferenceTypeNumber,
        ReferenceNumber = row.ReferenceNumber,
        UnitOfMeasureCode = row.UnitOfMeasureCode,
        Description = row.Description,
        LastModifiedDateTime = row.LastModifiedUtc,
    };

    public static ItemReferenceResource From(ItemReferenceChanged e, string? itemNumber) => new()
    {
        ETag = ApiSupport.ETag(e.Version),
        Id = e.ItemReferenceId,
        ItemId = e.ItemId,
        ItemNumber = Codes.NormalizeOrNull(itemNumber),
        ReferenceType = e.ReferenceType,
        ReferenceTypeNumber = e.ReferenceTypeNumber,
        ReferenceNumber = e.ReferenceNumber,
        UnitOfMeasureCode = e.UnitOfMeasureCode,
        Description = e.Description,
        LastModifiedDateTime = DateTime.SpecifyKind(e.LastModifiedUtc, DateTimeKind.Utc),
    };
}
