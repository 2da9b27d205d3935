using Saas.Web.Auth;
using System.Text.Json.Serialization;
using Saas.Identity;
using Saas.Read.Common;
using Saas.Read.Inventory;
using Saas.Web.MasterData;
using Saas.Write.Common;
using Saas.Write.Inventory.Transfers;

namespace Saas.Web.Inventory;

/// <summary>
/// BC API v2.0 style transfer orders: <c>transferOrders</c> with <c>transferOrderLines</c>, the actions
/// <c>Microsoft.NAV.ship</c> and <c>Microsoft.NAV.receive</c>, and the posted <c>postedTransferShipments</c> and
/// <c>postedTransferReceipts</c> with their lines.
/// </summary>
public static class TransferOrdersApi
{
    public static WebApplication MapTransferOrdersApi(this WebApplication app)
    {
        var company = app.MapGroup(MasterDataApi.CompanyRoute)
            .AddEndpointFilter<CurrentCompanyOnly>()
            .AddEndpointFilter<CommandProblems>()
            .WithTags("Transfer orders")
            .RequireScope(ApiScopes.Inventory);
        company.MapGet("/transferOrders", ListAsync).RequireAuthorization(SaasPolicies.TenantMember);
        company.MapGet("/transferOrders({id:guid})", GetAsync).RequireAuthorization(SaasPolicies.TenantMember);
        company.MapPost("/transferOrders", CreateAsync).RequireAuthorization(SaasPolicies.ItemsWrite);
        company.MapPatch("/transferOrders({id:guid})", UpdateAsync).RequireAuthorization(SaasPolicies.ItemsWrite);
        company.MapDelete("/transferOrders({id:guid})", DeleteAsync).RequireAuthorization(SaasPolicies.ItemsWrite);
        company.MapGet("/transferOrders({id:guid})/transferOrderLines", LinesAsync).RequireAuthorization(SaasPolicies.TenantMember);
        company.MapGet("/transferOrders({id:guid})/transferOrderLines({lineId:guid})", LineAsync).RequireAuthorization(SaasPolicies.TenantMember);
        company.MapPost("/transferOrders({id:guid})/transferOrderLines", CreateLineAsync).RequireAuthorization(SaasPolicies.ItemsWrite);
        company.MapPatch("/transferOrders({id:guid})/transferOrderLines({lineId:guid})", UpdateLineAsync).RequireAuthorization(SaasPolicies.ItemsWrite);
        company.MapDelete("/transferOrders({id:guid})/transferOrderLines({lineId:guid})", DeleteLineAsync).RequireAuthorization(SaasPolicies.ItemsWrite);

        // Posting moves goods and value: the roles that may post item journals.
        company.MapPost("/transferOrders({id:guid})/Microsoft.NAV.ship", ShipAsync).RequireAuthorization(SaasPolicies.ItemsWrite);
        company.MapPost("/transferOrders({id:guid})/Microsoft.NAV.receive", ReceiveAsync).RequireAuthorization(SaasPolicies.ItemsWrite);

        company.MapGet("/postedTransferShipments", (TransferQueries q, HttpContext http) => PostedListAsync(q, http, TransferQueries.Shipment))
            .RequireAuthorization(SaasPolicies.TenantMember);
        company.MapGet("/postedTransferShipments({id:guid})", (Guid id, TransferQueries q, HttpContext http) => PostedAsync(id, q, http, TransferQueries.Shipment))
            .RequireAuthorization(SaasPolicies.TenantMember);
        company.MapGet("/postedTransferReceipts", (TransferQueries q, HttpContext http) => PostedListAsync(q, http, TransferQueries.Receipt))
            .RequireAuthorization(SaasPolicies.TenantMember);
        company.MapGet("/postedTransferReceipts({id:guid})", (Guid id, TransferQueries q, HttpContext http) => PostedAsync(id, q, http, TransferQueries.Receipt))
            .RequireAuthorization(SaasPolicies.TenantMember);
        return app;
    }

    private static async Task<IResult> ListAsync(HttpContext http, TransferQueries queries)
    {
        var options = ApiSupport.ReadListOptions(http.Request);
        options.OnlyFilters();
        var page = await queries.ListAsync(
            options.ApplyTo(new ListQuery { Search = options.SearchOn("number", "transferFromCode", "transferToCode") }), http.RequestAborted);
        return ApiSupport.Page(page, TransferOrderResource.From);
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, TransferQueries queries)
    {
        if (await queries.GetAsync(id, http.RequestAborted) is not { } row)
        {
            return ApiSupport.NotFound("Transfer Order", id);
        }

        var resource = TransferOrderResource.From(row) with
        {
            TransferOrderLines = (await queries.LinesAsync(id, http.RequestAborted)).Select(TransferLineResource.From).ToList(),
        };
        return ApiSupport.Card(http.Response, row.Version, resource);
    }

    private static async Task<IResult> CreateAsync(HttpContext http, TransferOrders handlers, TransferQueries queries)
    {
        var input = await ApiSupport.ReadBodyAsync<TransferOrderInput>(http.Request);
        var header = await handlers.CreateAsync(
            new CreateTransferOrder
            {
                TransferFromCode = input.TransferFromCode,
                TransferToCode = input.TransferToCode,
                InTransitCode = input.InTransitCode,
                ShipmentDate = input.ShipmentDate,
                ReceiptDate = input.ReceiptDate,
            },
            http.RequestAborted);
        // A concurrent delete may have removed the order since: say so rather than fail on a missing row.
        if (await queries.GetAsync(header.Id, http.RequestAborted) is not { } row)
        {
            return ApiSupport.NotFound("Transfer Order", header.Id);
        }

        return ApiSupport.Card(http.Response, row.Version, TransferOrderResource.From(row), StatusCodes.Status201Created);
    }

    private static async Task<IResult> UpdateAsync(Guid id, HttpContext http, TransferOrders handlers, TransferQueries queries)
    {
        var expected = ApiSupport.ExpectedVersion(http.Request);
        var input = await ApiSupport.ReadBodyAsync<TransferOrderInput>(http.Request);
        var header = await handlers.UpdateAsync(
            new UpdateTransferOrder
            {
                Id = id,
                ExpectedVersion = expected,
                TransferFromCode = input.TransferFromCode,
                TransferToCode = input.TransferToCode,
                InTransitCode = input.InTransitCode,
                ShipmentDate = input.ShipmentDate,
                ReceiptDate = input.ReceiptDate,
            },
            http.RequestAborted);
        // A full receipt posted meanwhile deletes the order: 404, not a missing row.
        return await queries.GetAsync(id, http.RequestAborted) is { } row
            ? ApiSupport.Card(http.Response, row.Version, TransferOrderResource.From(row))
            : ApiSupport.NotFound("Transfer Order", header.Id);
    }

    private static async Task<IResult> DeleteAsync(Guid id, HttpContext http, TransferOrders handlers)
    {
        await handlers.DeleteAsync(id, CatalogApiSupport.OptionalExpectedVersion(http.Request), http.RequestAborted);
        return Results.NoContent();
    }

    private static async Task<IResult> LinesAsync(Guid id, HttpContext http, TransferQueries queries)
    {
        if (await queries.GetAsync(id, http.RequestAborted) is null)
        {
            return ApiSupport.NotFound("Transfer Order", id);
        }

        var options = ApiSupport.ReadListOptions(http.Request);
        options.OnlyFilters();
        var page = await queries.LinesAsync(id, options.ApplyTo(new ListQuery { Search = options.SearchOn("itemNumber", "description") }), http.RequestAborted);
        return ApiSupport.Page(page, TransferLineResource.From);
    }

    private static async Task<IResult> LineAsync(Guid id, Guid lineId, HttpContext http, TransferQueries queries) =>
        await queries.LineAsync(id, lineId, http.RequestAborted) is { } line
            ? ApiSupport.Card(http.Response, line.Version, TransferLineResource.From(line))
            : ApiSupport.NotFound("Transfer Line", lineId);

    private static async Task<IResult> CreateLineAsync(Guid id, HttpContext http, TransferOrders handlers, TransferQueries queries)
    {
        var input = await ApiSupport.ReadBodyAsync<TransferLineInput>(http.Request);
        var line = await handlers.SaveLineAsync(input.ToCommand(id, null, null), http.RequestAborted);
        if (await queries.LineAsync(id, line.Id, http.RequestAborted) is not { } row)
        {
            return ApiSupport.NotFound("Transfer Line", line.Id);
        }

        return ApiSupport.Card(http.Response, row.Version, TransferLineResource.From(row), StatusCodes.Status201Created);
    }

    private static async Task<IResult> UpdateLineAsync(Guid id, Guid lineId, HttpContext http, TransferOrders handlers, TransferQueries queries)
    {
        var expected = ApiSupport.ExpectedVersion(http.Request);
        var input = await ApiSupport.ReadBodyAsync<TransferLineInput>(http.Request);
        await handlers.SaveLineAsync(input.ToCommand(id, lineId, expected), http.RequestAborted);
        return await queries.LineAsync(id, lineId, http.RequestAborted) is { } row
            ? ApiSupport.Card(http.Response, row.Version, TransferLineResource.From(row))
            : ApiSupport.NotFound("Transfer Line", lineId);
    }

    private static async Task<IResult> DeleteLineAsync(Guid id, Guid lineId, HttpContext http, TransferOrders handlers)
    {
        await handlers.DeleteLineAsync(id, lineId, CatalogApiSupport.OptionalExpectedVersion(http.Request), http.RequestAborted);
        return Results.NoContent();
    }

    private static Task<IResult> ShipAsync(Guid id, HttpContext http, TransferPosting posting) =>
        PostAsync(http, key => posting.ShipAsync(id, key, http.RequestAborted));

    private static Task<IResult> ReceiveAsync(Guid id, HttpContext http, TransferPosting posting) =>
        PostAsync(http, key => posting.ReceiveAsync(id, key, http.RequestAborted));

    /// <summary>The body is optional: <c>{ "idempotencyKey": "…" }</c> makes a retried request post once.</summary>
    private static async Task<IResult> PostAsync(HttpContext http, Func<string?, Task<TransferPosted>> post)
    {
        var input = await ApiSupport.ReadOptionalBodyAsync<PostInput>(http.Request);
        var result = await post(input.IdempotencyKey);
        ApiSupport.SetPostingPosition(http.Response, result.ReadPosition);

        return Results.Json(
            new { documentId = result.DocumentId, documentNumber = result.DocumentNo, alreadyPosted = result.AlreadyPosted, orderDeleted = result.OrderDeleted },
            ApiSupport.Json,
            statusCode: result.AlreadyPosted ? StatusCodes.Status200OK : StatusCodes.Status201Created);
    }

    private static async Task<IResult> PostedListAsync(TransferQueries queries, HttpContext http, string type)
    {
        var options = ApiSupport.ReadListOptions(http.Request);
        options.OnlyFilters();
        var page = await queries.PostedAsync(type, options.ApplyTo(new ListQuery { Search = options.SearchOn("number", "transferOrderNumber") }), http.RequestAborted);
        var lines = (await queries.PostedLinesAsync(page.Value.Select(p => p.Id).ToList(), http.RequestAborted)).ToLookup(l => l.DocumentId);
        return Results.Json(ApiSupport.ListResponse(page.Value.Select(p => PostedTransferResource.From(p, lines[p.Id])), page.Count), ApiSupport.Json);
    }

    private static async Task<IResult> PostedAsync(Guid id, TransferQueries queries, HttpContext http, string type)
    {
        if (await queries.PostedAsync(type, id, http.RequestAborted) is not { } row)
        {
            return ApiSupport.NotFound(type == TransferQueries.Shipment ? "Posted Transfer Shipment" : "Posted Transfer Receipt", id);
        }

        return Results.Json(PostedTransferResource.From(row, await queries.PostedLinesAsync([id], http.RequestAborted)), ApiSupport.Json);
    }

    private sealed record PostInput
    {
        public string? IdempotencyKey { get; init; }
    }
}

internal sealed record TransferOrderInput
{
    [JsonPropertyName("@odata.etag")]
    public string? ODataETag { get; init; }

    public string? TransferFromCode { get; init; }
    public string? TransferToCode { get; init; }
    public string? InTransitCode { get; init; }
    public DateOnly? ShipmentDate { get; init; }
    public DateOnly? ReceiptDate { get; init; }
}

internal sealed record TransferLineInput
{
    [JsonPropertyName("@odata.etag")]
    public string? ODataETag { get; init; }

    public string? ItemNumber { get; init; }
    public string? Description { get; init; }
    public decimal? Quantity { get; init; }
    public decimal? QtyToShip { get; init; }
    public decimal? QtyToReceive { get; init; }

    public SaveTransferLine ToCommand(Guid orderId, Guid? lineId, long? expected) => new()
    {
        TransferOrderId = orderId,
        LineId = lineId,
        ExpectedVersion = expected,
        ItemNumber = ItemNumber,
        Description = Description,
        Quantity = Quantity,
        QtyToShip = QtyToShip,
        QtyToReceive = QtyToReceive,
    };
}

internal sealed record TransferOrderResource
{
    [JsonPropertyName("@odata.etag")]
    public required string ETag { get; init; }

    public required Guid Id { get; init; }
    public required string Number { get; init; }
    public required string TransferFromCode { get; init; }
    public required string TransferToCode { get; init; }
    public required string InTransitCode { get; init; }
    public required string ShipmentDate { get; init; }
    public required string ReceiptDate { get; init; }
    public required DateTime LastModifiedDateTime { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<TransferLineResource>? TransferOrderLines { get; init; }

    public static TransferOrderResource From(TransferOrderRow r) => new()
    {
        ETag = ApiSupport.ETag(r.Version), Id = r.Id, Number = r.Number, TransferFromCode = r.TransferFromCode, TransferToCode = r.TransferToCode,
        InTransitCode = r.InTransitCode, ShipmentDate = r.ShipmentDate, ReceiptDate = r.ReceiptDate,
        LastModifiedDateTime = DateTime.SpecifyKind(r.LastModifiedUtc, DateTimeKind.Utc),
    };
}

internal sealed record TransferLineResource
{
    [JsonPropertyName("@odata.etag")]
    public required string ETag { get; init; }

    public required Guid Id { get; init; }
    public required Guid DocumentId { get; init; }
    public required int LineNumber { get; init; }
    public required string ItemNumber { get; init; }
    public required string Description { get; init; }
    public required decimal Quantity { get; init; }
    public required decimal QtyToShip { get; init; }
    public required decimal QuantityShipped { get; init; }
    public required decimal QtyToReceive { get; init; }
    public required decimal QuantityReceived { get; init; }
    public required decimal OutstandingQuantity { get; init; }

    public static TransferLineResource From(TransferLineRow r) => new()
    {
        ETag = ApiSupport.ETag(r.Version), Id = r.Id, DocumentId = r.TransferOrderId, LineNumber = r.LineNo, ItemNumber = r.ItemNo,
        Description = r.Description, Quantity = r.Quantity, QtyToShip = r.QtyToShip, QuantityShipped = r.QuantityShipped,
        QtyToReceive = r.QtyToReceive, QuantityReceived = r.QuantityReceived, OutstandingQuantity = r.OutstandingQuantity,
    };
}

internal sealed record PostedTransferResource
{
    public required Guid Id { get; init; }
    public required string Number { get; init; }
    public required string TransferOrderNumber { get; init; }
    public required string TransferFromCode { get; init; }
    public required string TransferToCode { get; init; }
    public required string InTransitCode { get; init; }
    public required string PostingDate { get; init; }
    public required IReadOnlyList<object> Lines { get; init; }

    public static PostedTransferResource From(PostedTransferRow r, IEnumerable<PostedTransferLineRow> lines) => new()
    {
        Id = r.Id, Number = r.Number, TransferOrderNumber = r.TransferOrderNo, TransferFromCode = r.TransferFromCode,
        TransferToCode = r.TransferToCode, InTransitCode = r.InTransitCode, PostingDate = r.PostingDate,
        Lines = lines.Select(l => (object)new
        {
            lineNumber = l.LineNo, transferOrderLineNumber = l.TransferOrderLineNo, itemNumber = l.ItemNo, description = l.Description,
            quantity = l.Quantity,
        }).ToList(),
    };
}
