using Microsoft.AspNetCore.WebUtilities;
using Saas.Read.Inventory;
using Saas.Read.Navigate;

namespace Saas.Web.Components;

/// <summary>
/// Where a ledger entry leads (BC's Navigate and drill-downs): the Navigate page for its document, the card of the
/// posted document it came from, and the lists of the entries linked to it. One place, so every page links alike.
/// </summary>
public static class EntryLinks
{
    /// <summary>BC's "Find entries" for a document number, on its posting date when known.</summary>
    public static string Navigate(string documentNumber, string? postingDate = null) =>
        QueryHelpers.AddQueryString("/navigate", new Dictionary<string, string?>
        {
            ["document"] = documentNumber,
            ["postingDate"] = string.IsNullOrEmpty(postingDate) ? null : postingDate,
        }.Where(p => p.Value is not null));

    public static string Card(PostedDocumentRow document) => Card(document.DocumentType, document.Id);

    public static string Card(string documentType, Guid id) =>
        documentType == TransferQueries.Receipt ? $"/postedTransferReceipts/{id}" : $"/postedTransferShipments/{id}";

    public static string Caption(string documentType) =>
        documentType == TransferQueries.Receipt ? "Posted Transfer Receipt" : "Posted Transfer Shipment";

    /// <summary>A ledger list filtered to one document (and its posting date), as Navigate's counts open it.</summary>
    public static string Entries(string path, string documentNumber, string? postingDate) =>
        LedgerFilterState.Create(null, null, documentNumber, postingDate, postingDate, null).Href(path);

    public static string ValueEntriesOf(long itemLedgerEntry) => $"/valueEntries?itemLedgerEntry={itemLedgerEntry}";

    public static string GLEntriesOf(long valueEntry) => $"/generalLedgerEntries?valueEntry={valueEntry}";

    public static string ItemLedgerEntry(long entry) => $"/itemLedgerEntries?entry={entry}";

    public static string ValueEntry(long entry) => $"/valueEntries?entry={entry}";
}

/// <summary>
/// The posted documents behind one page of entries, found in one query. An entry's document is the posted document
/// of the same number and posting date; a number that names more than one (a shipment and a receipt whose series
/// overlap) links to none, and Navigate lists them all instead.
/// </summary>
public sealed class PostedDocumentIndex
{
    private readonly ILookup<(string Number, string PostingDate), PostedDocumentRow> documents;

    private PostedDocumentIndex(IEnumerable<PostedDocumentRow> rows) => documents = rows.ToLookup(d => (d.Number, d.PostingDate));

    public static PostedDocumentIndex Empty { get; } = new([]);

    public static async Task<PostedDocumentIndex> LoadAsync(NavigateQueries queries, IEnumerable<string> documentNumbers) =>
        new(await queries.PostedDocumentsAsync(documentNumbers));

    public PostedDocumentRow? For(string documentNumber, string postingDate) =>
        documents[(documentNumber, postingDate)].ToList() is [var only] ? only : null;
}
