using Saas.Read.Common;
using Saas.Read.Common.Filtering;
using Saas.Tenancy.Storage;

namespace Saas.Read.Inventory;

public sealed record TransferOrderRow
{
    public Guid Id { get; init; }
    public string Number { get; init; } = "";
    public string TransferFromCode { get; init; } = "";
    public string TransferToCode { get; init; } = "";
    public string InTransitCode { get; init; } = "";
    public string ShipmentDate { get; init; } = "";
    public string ReceiptDate { get; init; } = "";
    public DateTime LastModifiedUtc { get; init; }
    public long Version { get; init; }
}

public sealed record TransferLineRow
{
    public Guid Id { get; init; }
    public Guid TransferOrderId { get; init; }
    public int LineNo { get; init; }
    public string ItemNo { get; init; } = "";
    public string Description { get; init; } = "";
    public decimal Quantity { get; init; }
    public decimal QtyToShip { get; init; }
    public decimal QuantityShipped { get; init; }
    public decimal QtyToReceive { get; init; }
    public decimal QuantityReceived { get; init; }
    public long Version { get; init; }
    public decimal OutstandingQuantity => Quantity - QuantityShipped;
}

public sealed record PostedTransferRow
{
    public Guid Id { get; init; }
    public string Number { get; init; } = "";
    public string TransferOrderNo { get; init; } = "";
    public string TransferFromCode { get; init; } = "";
    public string TransferToCode { get; init; } = "";
    public string InTransitCode { get; init; } = "";
    public string PostingDate { get; init; } = "";
}

public sealed record PostedTransferLineRow
{
    public Guid DocumentId { get; init; }
    public int LineNo { get; init; }
    public int TransferOrderLineNo { get; init; }
    public string ItemNo { get; init; } = "";
    public string Description { get; init; } = "";
    public decimal Quantity { get; init; }
}

/// <summary>
/// Transfer orders and posted transfer documents, read straight from the write tables through the tenant's Dapper
/// session (like the ledgers): an order is edited by few people and must show its own quantities at once after a
/// posting, which a projection would only show later.
/// </summary>
public sealed class TransferQueries(TenantDb db)
{
    public const string Shipment = "Shipment";
    public const string Receipt = "Receipt";

    private static string OrderColumns(TenantSqlSession s) =>
        "id AS Id, number AS Number, transfer_from_code AS TransferFromCode, transfer_to_code AS TransferToCode, " +
        $"in_transit_code AS InTransitCode, {Text(s, "shipment_date")} AS ShipmentDate, {Text(s, "receipt_date")} AS ReceiptDate, " +
        "last_modified_utc AS LastModifiedUtc, version AS Version";

    private const string LineColumns =
        "id AS Id, transfer_order_id AS TransferOrderId, line_no AS LineNo, item_no AS ItemNo, description AS Description, " +
        "quantity AS Quantity, qty_to_ship AS QtyToShip, quantity_shipped AS QuantityShipped, qty_to_receive AS QtyToReceive, " +
        "quantity_received AS QuantityReceived, version AS Version";

    private static string PostedColumns(TenantSqlSession s) =>
        "id AS Id, number AS Number, transfer_order_no AS TransferOrderNo, transfer_from_code AS TransferFromCode, " +
        $"transfer_to_code AS TransferToCode, in_transit_code AS InTransitCode, {Text(s, "posting_date")} AS PostingDate";

    public static readonly IReadOnlyList<FilterColumn> OrderFilterColumns =
    [
        new("number", "No.", "number", FilterKind.Code),
        new("transferFromCode", "Transfer-from Code", "transfer_from_code", FilterKind.Code),
        new("transferToCode", "Transfer-to Code", "transfer_to_code", FilterKind.Code),
        new("inTransitCode", "In-Transit Code", "in_transit_code", FilterKind.Code),
        new("shipmentDate", "Shipment Date", "shipment_date", FilterKind.Date),
        new("receiptDate", "Receipt Date", "receipt_date", FilterKind.Date),
    ];

    public static readonly IReadOnlyList<FilterColumn> PostedFilterColumns =
    [
        new("number", "No.", "number", FilterKind.Code),
        new("transferOrderNumber", "Transfer Order No.", "transfer_order_no", FilterKind.Code),
        new("postingDate", "Posting Date", "posting_date", FilterKind.Date),
        new("transferFromCode", "Transfer-from Code", "transfer_from_code", FilterKind.Code),
        new("transferToCode", "Transfer-to Code", "transfer_to_code", FilterKind.Code),
        new("inTransitCode", "In-Transit Code", "in_transit_code", FilterKind.Code),
    ];

    public Task<Page<TransferOrderRow>> ListAsync(ListQuery query, CancellationToken cancellationToken = default) =>
        db.ReadAsync(session => new ListSql(
            "transfer_headers",
            OrderColumns(session),
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["number"] = "number",
                ["transferFromCode"] = "transfer_from_code",
                ["transferToCode"] = "transfer_to_code",
                ["shipmentDate"] = "shipment_date",
                ["lastModifiedDateTime"] = "last_modified_utc",
            },
            "number",
            ["number", "transfer_from_code", "transfer_to_code"],
            filterable: OrderFilterColumns).RunAsync<TransferOrderRow>(session, query), cancellationToken);

    public Task<TransferOrderRow?> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.ReadAsync(
            session => session.QuerySingleOrDefaultAsync<TransferOrderRow>(
                $"SELECT {OrderColumns(session)} FROM transfer_headers WHERE tenant_id = @TenantId AND id = @Id", new { Id = id }),
            cancellationToken);

    public Task<IReadOnlyList<TransferLineRow>> LinesAsync(Guid orderId, CancellationToken cancellationToken = default) =>
        db.ReadAsync<IReadOnlyList<TransferLineRow>>(async session => (await session.QueryAsync<TransferLineRow>(
            $"SELECT {LineColumns} FROM transfer_lines WHERE tenant_id = @TenantId AND transfer_order_id = @Id ORDER BY line_no",
            new { Id = orderId })).ToList(), cancellationToken);

    /// <summary>One page of an order's lines (<c>$top</c>/<c>$skip</c> as every list), in line order by default.</summary>
    public Task<Page<TransferLineRow>> LinesAsync(Guid orderId, ListQuery query, CancellationToken cancellationToken = default) =>
        db.ReadAsync(session =>
        {
            var sql = new ListSql(
                "transfer_lines",
                LineColumns,
                new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
                {
                    ["lineNumber"] = "line_no",
                    ["itemNumber"] = "item_no",
                    ["description"] = "description",
                },
                "lineNumber",
                ["item_no", "description"]);
            sql.Where("transfer_order_id = @OrderId", "OrderId", orderId);
            return sql.RunAsync<TransferLineRow>(session, query);
        }, cancellationToken);

    public Task<TransferLineRow?> LineAsync(Guid orderId, Guid lineId, CancellationToken cancellationToken = default) =>
        db.ReadAsync(
            session => session.QuerySingleOrDefaultAsync<TransferLineRow>(
                $"SELECT {LineColumns} FROM transfer_lines WHERE tenant_id = @TenantId AND transfer_order_id = @Order AND id = @Id",
                new { Order = orderId, Id = lineId }),
            cancellationToken);

    /// <summary>Posted shipments (<see cref="Shipment"/>) or receipts (<see cref="Receipt"/>), newest number first by default.</summary>
    public Task<Page<PostedTransferRow>> PostedAsync(string documentType, ListQuery query, CancellationToken cancellationToken = default) =>
        db.ReadAsync(session =>
        {
            var sql = new ListSql(
                "posted_transfer_documents",
                PostedColumns(session),
                new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
                {
                    ["number"] = "number",
                    ["transferOrderNumber"] = "transfer_order_no",
                    ["postingDate"] = "posting_date",
                },
                "number",
                ["number", "transfer_order_no", "transfer_from_code", "transfer_to_code"],
                filterable: PostedFilterColumns);
            sql.Where("document_type = @DocumentType", "DocumentType", documentType);
            return sql.RunAsync<PostedTransferRow>(session, query);
        }, cancellationToken);

    public Task<PostedTransferRow?> PostedAsync(string documentType, Guid id, CancellationToken cancellationToken = default) =>
        db.ReadAsync(
            session => session.QuerySingleOrDefaultAsync<PostedTransferRow>(
                $"SELECT {PostedColumns(session)} FROM posted_transfer_documents WHERE tenant_id = @TenantId AND document_type = @Type AND id = @Id",
                new { Type = documentType, Id = id }),
            cancellationToken);

    public Task<IReadOnlyList<PostedTransferLineRow>> PostedLinesAsync(IReadOnlyCollection<Guid> documentIds, CancellationToken cancellationToken = default) =>
        db.ReadAsync<IReadOnlyList<PostedTransferLineRow>>(async session => documentIds.Count == 0 ? [] : (await session.QueryAsync<PostedTransferLineRow>(
            $"""
            SELECT document_id AS DocumentId, line_no AS LineNo, transfer_order_line_no AS TransferOrderLineNo, item_no AS ItemNo,
                   description AS Description, quantity AS Quantity
            FROM posted_transfer_lines
            WHERE tenant_id = @TenantId AND document_id {(session.Dialect.Provider == DatabaseProvider.Postgres ? "= ANY(@Ids)" : "IN @Ids")}
            ORDER BY line_no
            """, new { Ids = documentIds.ToArray() })).ToList(), cancellationToken);

    // Dates travel as ISO text: SQLite stores them so, PostgreSQL converts both ways.
    private static string Text(TenantSqlSession s, string column) =>
        s.Dialect.Provider == DatabaseProvider.Postgres ? $"to_char({column}, 'YYYY-MM-DD')" : column;
}
