using System.Globalization;
using Saas.Tenancy.Storage;
using Saas.Write.Common;

namespace Saas.Read.Navigate;

/// <summary>A posted document a ledger entry's document number names (today: posted transfer shipments and receipts).</summary>
public sealed record PostedDocumentRow
{
    /// <summary><see cref="Inventory.TransferQueries.Shipment"/> or <see cref="Inventory.TransferQueries.Receipt"/>.</summary>
    public string DocumentType { get; init; } = "";

    public Guid Id { get; init; }
    public string Number { get; init; } = "";
    public string PostingDate { get; init; } = "";
}

/// <summary>What BC's Navigate ("Find entries") finds for one document number, and posting date when given.</summary>
public sealed record NavigateResult
{
    public IReadOnlyList<PostedDocumentRow> Documents { get; init; } = [];
    public long GLEntries { get; init; }
    public long ItemLedgerEntries { get; init; }
    public long ValueEntries { get; init; }

    /// <summary>Postings that wrote these entries: BC's G/L Register and Item Register are one row here.</summary>
    public long Registers { get; init; }

    public bool Nothing => Documents.Count == 0 && GLEntries == 0 && ItemLedgerEntries == 0 && ValueEntries == 0;
}

/// <summary>
/// Navigate: every record a document number left behind, counted per table, read straight from the ledger and posted
/// document tables of the current company (as <see cref="Finance.LedgerQueries"/>), so a posting is found at once.
/// </summary>
public sealed class NavigateQueries(TenantDb db)
{
    public Task<NavigateResult> FindAsync(string documentNumber, DateOnly? postingDate, CancellationToken cancellationToken = default) =>
        db.ReadAsync(async s =>
        {
            var args = new
            {
                DocumentNo = Codes.Normalize(documentNumber),
                PostingDate = postingDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
            var where = "tenant_id = @TenantId AND document_no = @DocumentNo" + OnDate(s, postingDate);
            var documents = await s.QueryAsync<PostedDocumentRow>(
                $"""
                SELECT document_type AS DocumentType, id AS Id, number AS Number, {Text(s, "posting_date")} AS PostingDate
                FROM posted_transfer_documents WHERE tenant_id = @TenantId AND number = @DocumentNo{OnDate(s, postingDate)}
                ORDER BY document_type, number
                """, args);
            return new NavigateResult
            {
                Documents = documents.ToList(),
                GLEntries = await s.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM gl_entries WHERE {where}", args),
                ItemLedgerEntries = await s.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM item_ledger_entries WHERE {where}", args),
                ValueEntries = await s.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM value_entries WHERE {where}", args),
                Registers = await s.ExecuteScalarAsync<long>(
                    $"""
                    SELECT COUNT(*) FROM (
                        SELECT register_no FROM gl_entries WHERE {where}
                        UNION SELECT register_no FROM item_ledger_entries WHERE {where}
                        UNION SELECT register_no FROM value_entries WHERE {where}) registers
                    """, args),
            };
        }, cancellationToken);

    /// <summary>
    /// The posted documents among a page of entries' document numbers, for a link on each row. A number alone can
    /// name a shipment and a receipt (their series are set up per company), so callers also match the posting date.
    /// </summary>
    public Task<IReadOnlyList<PostedDocumentRow>> PostedDocumentsAsync(IEnumerable<string> documentNumbers, CancellationToken cancellationToken = default)
    {
        var numbers = documentNumbers.Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        return numbers.Length == 0
            ? Task.FromResult<IReadOnlyList<PostedDocumentRow>>([])
            : db.ReadAsync<IReadOnlyList<PostedDocumentRow>>(async s => (await s.QueryAsync<PostedDocumentRow>(
                $"""
                SELECT document_type AS DocumentType, id AS Id, number AS Number, {Text(s, "posting_date")} AS PostingDate
                FROM posted_transfer_documents
                WHERE tenant_id = @TenantId AND number {(s.Dialect.Provider == DatabaseProvider.Postgres ? "= ANY(@Numbers)" : "IN @Numbers")}
                """, new { Numbers = numbers })).ToList(), cancellationToken);
    }

    private static string OnDate(TenantSqlSession s, DateOnly? postingDate) =>
        postingDate is null ? "" : s.Dialect.Provider == DatabaseProvider.Postgres ? " AND posting_date = CAST(@PostingDate AS date)" : " AND posting_date = @PostingDate";

    // Dates travel as ISO text: SQLite stores them so, PostgreSQL converts both ways.
    private static string Text(TenantSqlSession s, string column) =>
        s.Dialect.Provider == DatabaseProvider.Postgres ? $"to_char({column}, 'YYYY-MM-DD')" : column;
}
