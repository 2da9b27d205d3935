using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using Saas.Identity;
using Saas.Read.Common;
using Saas.Web.Finance;
using Saas.Web.MasterData;
using Saas.Write.Common;
using Saas.Write.Inventory.Journals;

namespace Saas.Web.Inventory;

/// <summary>
/// BC API v2.0 style stored item journals: <c>itemJournals</c> (the batches of the Item, Reclassification,
/// Phys. Inventory and Revaluation templates), their <c>itemJournalLines</c>, and the bound actions
/// <c>Microsoft.NAV.post</c>, <c>Microsoft.NAV.preview</c>, <c>Microsoft.NAV.calculateInventory</c> and
/// <c>Microsoft.NAV.calculateInventoryValue</c>. Who may change a batch depends on its template (revaluation
/// changes the books' inventory value: Administrators and Accountants; the others: whoever may change items),
/// so routes require a signed-in member and the handlers check the template's policy.
/// </summary>
internal static class ItemJournalsApi
{
    private const string Batch = "/itemJournals({id:guid})";
    private const string Line = Batch + "/itemJournalLines({lineId:guid})";

    public static void MapItemJournals(this RouteGroupBuilder company)
    {
        company.MapGet("/itemJournals", ListAsync).RequireAuthorization(SaasPolicies.TenantMember);
        company.MapGet(Batch, GetAsync).RequireAuthorization(SaasPolicies.TenantMember);
        company.MapPost("/itemJournals", CreateAsync).RequireAuthorization(SaasPolicies.TenantMember);
        company.MapPatch(Batch, UpdateAsync).RequireAuthorization(SaasPolicies.TenantMember);
        company.MapDelete(Batch, DeleteAsync).RequireAuthorization(SaasPolicies.TenantMember);
        company.MapGet(Batch + "/itemJournalLines", ListLinesAsync).RequireAuthorization(SaasPolicies.TenantMember);
        company.MapGet(Line, GetLineAsync).RequireAuthorization(SaasPolicies.TenantMember);
        company.MapPost(Batch + "/itemJournalLines", CreateLineAsync).RequireAuthorization(SaasPolicies.TenantMember);
        company.MapPatch(Line, UpdateLineAsync).RequireAuthorization(SaasPolicies.TenantMember);
        company.MapDelete(Line, DeleteLineAsync).RequireAuthorization(SaasPolicies.TenantMember);
        company.MapPost(Batch + "/Microsoft.NAV.post", PostAsync).RequireAuthorization(SaasPolicies.TenantMember);
        company.MapPost(Batch + "/Microsoft.NAV.preview", PreviewAsync).RequireAuthorization(SaasPolicies.TenantMember);
        company.MapPost(Batch + "/Microsoft.NAV.calculateInventory", CalculateInventoryAsync).RequireAuthorization(SaasPolicies.TenantMember);
        company.MapPost(Batch + "/Microsoft.NAV.calculateInventoryValue", CalculateInventoryValueAsync).RequireAuthorization(SaasPolicies.TenantMember);
    }

    /// <summary>The policy that may change a batch of <paramref name="template"/>.</summary>
    public static string PolicyFor(ItemJournalTemplate template) =>
        template == ItemJournalTemplate.Revaluation ? SaasPolicies.InventoryValue : SaasPolicies.ItemsWrite;

    private static async Task<IResult> ListAsync(HttpContext http, ItemJournalBatches batches)
    {
        var options = ApiSupport.ReadListOptions(http.Request);
        options.OnlyFilters("template");
        ItemJournalTemplate? template = options.Text("template") is { } word ? BcEnum.Parse<ItemJournalTemplate>("$filter", word) : null;
        var search = options.SearchOn("code", "displayName");
        var rows = (await batches.ListAsync(template, http.RequestAborted))
            .Where(b => search is null || b.Code.Contains(search, StringComparison.OrdinalIgnoreCase) || b.DisplayName.Contains(search, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var page = rows.Skip(options.Skip ?? 0).Take(PageSize(options.Top)).Select(ItemJournalResource.From);
        return Results.Json(ApiSupport.ListResponse(page, rows.Count), ApiSupport.Json);
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, ItemJournalBatches batches) =>
        await batches.FindAsync(id, http.RequestAborted) is { } batch
            ? ApiSupport.Card(http.Response, batch.Version, ItemJournalResource.From(batch))
            : ApiSupport.NotFound("Item journal", id);

    private static async Task<IResult> CreateAsync(HttpContext http, ItemJournalBatches batches, IAuthorizationService authorization)
    {
        var input = await ApiSupport.ReadBodyAsync<ItemJournalInput>(http.Request);
        if (input.Template is not null && BcEnum.TryParse<ItemJournalTemplate>(input.Template, out var template)
            && await Refused(http, authorization, template) is { } refused)
        {
            return refused;
        }

        if (input.Template is null && await Refused(http, authorization, ItemJournalTemplate.Item) is { } refusedItem)
        {
            return refusedItem;
        }

        var batch = await batches.CreateAsync(
            new SaveItemJournalBatch { Template = input.Template, Code = input.Code, DisplayName = input.DisplayName }, http.RequestAborted);
        return ApiSupport.Card(http.Response, batch.Version, ItemJournalResource.From(batch), StatusCodes.Status201Created);
    }

    private static async Task<IResult> UpdateAsync(Guid id, HttpContext http, ItemJournalBatches batches, IAuthorizationService authorization)
    {
        var expected = ApiSupport.ExpectedVersion(http.Request);
        if (await RefusedForBatch(id, http, batches, authorization) is { } refused)
        {
            return refused;
        }

        var input = await ApiSupport.ReadBodyAsync<ItemJournalInput>(http.Request);
        var batch = await batches.UpdateAsync(
            new SaveItemJournalBatch { Id = id, ExpectedVersion = expected, Template = input.Template, Code = input.Code, DisplayName = input.DisplayName },
            http.RequestAborted);
        return ApiSupport.Card(http.Response, batch.Version, ItemJournalResource.From(batch));
    }

    private static async Task<IResult> DeleteAsync(Guid id, HttpContext http, ItemJournalBatches batches, IAuthorizationService authorization)
    {
        if (await RefusedForBatch(id, http, batches, authorization) is { } refused)
        {
            return refused;
        }

        await batches.DeleteAsync(id, CatalogApiSupport.OptionalExpectedVersion(http.Request), http.RequestAborted);
        return Results.NoContent();
    }

    private static async Task<IResult> ListLinesAsync(Guid id, HttpContext http, ItemJournalLines lines)
    {
        var options = ApiSupport.ReadListOptions(http.Request);
        options.OnlyFilters();
        var (page, count) = await lines.ListAsync(id, PageSize(options.Top), options.Skip, http.RequestAborted);
        return Results.Json(ApiSupport.ListResponse(page.Select(ItemJournalLineResource.From), count), ApiSupport.Json);
    }

    private static async Task<IResult> GetLineAsync(Guid id, Guid lineId, HttpContext http, ItemJournalLines lines)
    {
        var line = await lines.GetAsync(id, lineId, http.RequestAborted);
        return ApiSupport.Card(http.Response, line.Version, ItemJournalLineResource.From(line));
    }

    private static async Task<IResult> CreateLineAsync(Guid id, HttpContext http, ItemJournalBatches batches, ItemJournalLines lines, IAuthorizationService authorization)
    {
        if (await RefusedForBatch(id, http, batches, authorization) is { } refused)
        {
            return refused;
        }

        var input = await ApiSupport.ReadBodyAsync<ItemJournalLineInput>(http.Request);
        var line = await lines.CreateAsync(input.ToCommand(id, null, null), http.RequestAborted);
        return ApiSupport.Card(http.Response, line.Version, ItemJournalLineResource.From(line), StatusCodes.Status201Created);
    }

    private static async Task<IResult> UpdateLineAsync(
        Guid id, Guid lineId, HttpContext http, ItemJournalBatches batches, ItemJournalLines lines, IAuthorizationService authorization)
    {
        var expected = ApiSupport.ExpectedVersion(http.Request);
        if (await RefusedForBatch(id, http, batches, authorization) is { } refused)
        {
            return refused;
        }

        var input = await ApiSupport.ReadBodyAsync<ItemJournalLineInput>(http.Request);
        var line = await lines.UpdateAsync(input.ToCommand(id, lineId, expected), http.RequestAborted);
        return ApiSupport.Card(http.Response, line.Version, ItemJournalLineResource.From(line));
    }

    private static async Task<IResult> DeleteLineAsync(
        Guid id, Guid lineId, HttpContext http, ItemJournalBatches batches, ItemJournalLines lines, IAuthorizationService authorization)
    {
        if (await RefusedForBatch(id, http, batches, authorization) is { } refused)
        {
            return refused;
        }

        await lines.DeleteAsync(id, lineId, CatalogApiSupport.OptionalExpectedVersion(http.Request), http.RequestAborted);
        return Results.NoContent();
    }

    private static async Task<IResult> PostAsync(Guid id, HttpContext http, ItemJournalBatches batches, PostItemJournalBatch posting, IAuthorizationService authorization)
    {
        if (await RefusedForBatch(id, http, batches, authorization) is { } refused)
        {
            return refused;
        }

        var input = await ApiSupport.ReadOptionalBodyAsync<PostInput>(http.Request);
        var result = await posting.PostAsync(id, input.DocumentNumber, input.IdempotencyKey, http.RequestAborted);
        ApiSupport.SetPostingPosition(http.Response, result.ReadPosition);
        return Results.Json(FinanceApi.PostingResponse.From(result, preview: false), ApiSupport.Json, statusCode: result.AlreadyPosted ? 200 : 201);
    }

    private static async Task<IResult> PreviewAsync(Guid id, HttpContext http, ItemJournalBatches batches, PostItemJournalBatch posting, IAuthorizationService authorization)
    {
        if (await RefusedForBatch(id, http, batches, authorization) is { } refused)
        {
            return refused;
        }

        var input = await ApiSupport.ReadOptionalBodyAsync<PostInput>(http.Request);
        var result = await posting.PreviewAsync(id, input.DocumentNumber, http.RequestAborted);
        return Results.Json(FinanceApi.PostingResponse.From(result, preview: true), ApiSupport.Json);
    }

    private static async Task<IResult> CalculateInventoryAsync(
        Guid id, HttpContext http, ItemJournalBatches batches, ItemJournalCalculations calculations, IAuthorizationService authorization)
    {
        if (await RefusedForBatch(id, http, batches, authorization) is { } refused)
        {
            return refused;
        }

        var input = await ApiSupport.ReadOptionalBodyAsync<CalculateInput>(http.Request);
        var added = await calculations.CalculateInventoryAsync(
            id, input.PostingDate ?? throw ValidationFailedException.For("postingDate", "is required."),
            input.ItemNumber, input.LocationCode, input.ItemsNotOnInventory ?? false, http.RequestAborted);
        return Results.Json(new { linesAdded = added }, ApiSupport.Json);
    }

    private static async Task<IResult> CalculateInventoryValueAsync(
        Guid id, HttpContext http, ItemJournalBatches batches, ItemJournalCalculations calculations, IAuthorizationService authorization)
    {
        if (await RefusedForBatch(id, http, batches, authorization) is { } refused)
        {
            return refused;
        }

        var input = await ApiSupport.ReadOptionalBodyAsync<CalculateInput>(http.Request);
        var added = await calculations.CalculateInventoryValueAsync(
            id, input.PostingDate ?? throw ValidationFailedException.For("postingDate", "is required."), input.ItemNumber, http.RequestAborted);
        return Results.Json(new { linesAdded = added }, ApiSupport.Json);
    }

    /// <summary>The project's list paging: 50 without <c>$top</c>, never more than 1000 (the total is in <c>@odata.count</c>).</summary>
    private static int PageSize(int? top) => Math.Min(top ?? ListQuery.DefaultTop, ListQuery.MaxTop);

    private static async Task<IResult?> Refused(HttpContext http, IAuthorizationService authorization, ItemJournalTemplate template) =>
        (await authorization.AuthorizeAsync(http.User, PolicyFor(template))).Succeeded ? null : Results.Forbid();

    /// <summary>Forbid unless the caller may change batch <paramref name="id"/> (its template decides; a missing batch is 404).</summary>
    private static async Task<IResult?> RefusedForBatch(Guid id, HttpContext http, ItemJournalBatches batches, IAuthorizationService authorization) =>
        await Refused(http, authorization, (await batches.GetAsync(id, http.RequestAborted)).Template);


    private sealed record PostInput
    {
        public string? DocumentNumber { get; init; }
        public string? IdempotencyKey { get; init; }
    }

    private sealed record CalculateInput
    {
        public DateOnly? PostingDate { get; init; }
        public string? ItemNumber { get; init; }
        public string? LocationCode { get; init; }
        public bool? ItemsNotOnInventory { get; init; }
    }
}

internal sealed record ItemJournalInput
{
    [JsonPropertyName("@odata.etag")]
    public string? ODataETag { get; init; }

    public string? Code { get; init; }
    public string? DisplayName { get; init; }
    public string? Template { get; init; }
}

internal sealed record ItemJournalResource
{
    [JsonPropertyName("@odata.etag")]
    public required string ETag { get; init; }

    public required Guid Id { get; init; }
    public required string Code { get; init; }
    public required string DisplayName { get; init; }
    public required string Template { get; init; }
    public required DateTime LastModifiedDateTime { get; init; }

    public static ItemJournalResource From(ItemJournalBatch b) => new()
    {
        ETag = ApiSupport.ETag(b.Version), Id = b.Id, Code = b.Code, DisplayName = b.DisplayName,
        Template = BcEnum.ToWord(b.Template), LastModifiedDateTime = b.LastModifiedUtc,
    };
}

internal sealed record ItemJournalLineInput
{
    [JsonPropertyName("@odata.etag")]
    public string? ODataETag { get; init; }

    public string? EntryType { get; init; }
    public string? ItemNumber { get; init; }
    public string? LocationCode { get; init; }
    public string? NewLocationCode { get; init; }
    public DateOnly? PostingDate { get; init; }
    public string? DocumentNumber { get; init; }
    public string? Description { get; init; }
    public decimal? Quantity { get; init; }
    public decimal? UnitCost { get; init; }
    public long? AppliesToEntry { get; init; }
    public decimal? QuantityPhysInventory { get; init; }
    public decimal? InventoryValueRevalued { get; init; }
    public decimal? UnitCostRevalued { get; init; }

    public SaveItemJournalLine ToCommand(Guid batchId, Guid? id, long? expectedVersion) => new()
    {
        BatchId = batchId, Id = id, ExpectedVersion = expectedVersion, EntryType = EntryType, ItemNumber = ItemNumber,
        LocationCode = LocationCode, NewLocationCode = NewLocationCode, PostingDate = PostingDate, DocumentNumber = DocumentNumber,
        Description = Description, Quantity = Quantity, UnitCost = UnitCost, AppliesToEntry = AppliesToEntry,
        QuantityPhysInventory = QuantityPhysInventory, InventoryValueRevalued = InventoryValueRevalued, UnitCostRevalued = UnitCostRevalued,
    };
}

/// <summary>A stored journal line as the API shows it; the template's fields are all present (BC shows them per page).</summary>
internal sealed record ItemJournalLineResource
{
    [JsonPropertyName("@odata.etag")]
    public required string ETag { get; init; }

    public required Guid Id { get; init; }
    public required Guid JournalId { get; init; }
    public required int LineNumber { get; init; }
    public required string EntryType { get; init; }
    public required string ItemNumber { get; init; }
    public required string LocationCode { get; init; }
    public required string NewLocationCode { get; init; }
    public required DateOnly PostingDate { get; init; }
    public required string DocumentNumber { get; init; }
    public required string Description { get; init; }
    public required decimal Quantity { get; init; }
    public required decimal? UnitCost { get; init; }
    public required long? AppliesToEntry { get; init; }
    public required decimal QuantityCalculated { get; init; }
    public required decimal? QuantityPhysInventory { get; init; }
    public required decimal InventoryValueCalculated { get; init; }
    public required decimal UnitCostCalculated { get; init; }
    public required decimal? InventoryValueRevalued { get; init; }
    public required decimal? UnitCostRevalued { get; init; }
    public required DateTime LastModifiedDateTime { get; init; }

    public static ItemJournalLineResource From(ItemJournalBatchLine l) => new()
    {
        ETag = ApiSupport.ETag(l.Version), Id = l.Id, JournalId = l.BatchId, LineNumber = l.LineNumber, EntryType = BcEnum.ToWord(l.EntryType),
        ItemNumber = l.ItemNumber, LocationCode = l.LocationCode, NewLocationCode = l.NewLocationCode, PostingDate = l.PostingDate,
        DocumentNumber = l.DocumentNumber, Description = l.Description, Quantity = l.Quantity, UnitCost = l.UnitCost,
        AppliesToEntry = l.AppliesToEntry, QuantityCalculated = l.QuantityCalculated, QuantityPhysInventory = l.QuantityPhysInventory,
        InventoryValueCalculated = l.InventoryValueCalculated, UnitCostCalculated = l.UnitCostCalculated,
        InventoryValueRevalued = l.InventoryValueRevalued, UnitCostRevalued = l.UnitCostRevalued, LastModifiedDateTime = l.LastModifiedUtc,
    };
}
