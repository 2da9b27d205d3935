using Microsoft.EntityFrameworkCore;
using Saas.Write.Common;
using Saas.Write.Finance.Posting;
using Saas.Write.Inventory.Ledger;

namespace Saas.Write.Inventory.Journals;

/// <summary>BC's item journal templates: what a journal's lines mean and which source code they post with.</summary>
public enum ItemJournalTemplate
{
    Item,
    Reclassification,

    [BcWord("Phys. Inventory", "Phys_x002E__x0020_Inventory", "PhysInventory", "PhysicalInventory")]
    PhysicalInventory,

    /// <summary>Lines carry a revalued inventory value, not a quantity: posted from a stored batch only.</summary>
    Revaluation,
}

/// <summary>
/// One item journal line. Item journal: Positive/Negative Adjmt. (also Purchase/Sale for opening balances).
/// Reclassification: Transfer to <see cref="NewLocationCode"/>. Physical inventory: the counted quantity, with
/// the expected quantity from <see cref="ItemJournal.CalculatePhysicalInventoryAsync"/>; the difference is posted.
/// </summary>
public sealed record ItemJournalLine
{
    public ItemLedgerEntryType EntryType { get; init; } = ItemLedgerEntryType.PositiveAdjmt;
    public required string ItemNumber { get; init; }
    public string LocationCode { get; init; } = "";
    public string NewLocationCode { get; init; } = "";
    public required DateOnly PostingDate { get; init; }
    public string? DocumentNumber { get; init; }
    public string Description { get; init; } = "";
    public decimal Quantity { get; init; }
    public decimal? UnitCost { get; init; }
    public long? AppliesToEntry { get; init; }

    /// <summary>Physical inventory lines: the quantity the system expects and the quantity counted.</summary>
    public decimal QuantityCalculated { get; init; }

    public decimal? QuantityPhysInventory { get; init; }
}

public sealed record PostItemJournal
{
    public ItemJournalTemplate Template { get; init; } = ItemJournalTemplate.Item;
    public string? DocumentNumber { get; init; }
    public string? IdempotencyKey { get; init; }
    public IReadOnlyList<ItemJournalLine> Lines { get; init; } = [];
}

/// <summary>
/// The item journal as a document: validated, previewed or posted through the posting engine in one
/// transaction. Lines of a physical inventory turn into the adjustments that make the books match the count.
/// </summary>
public sealed partial class ItemJournal(WriteDbContext db, ItemPostingEngine engine)
{
    public Task<PostingResult> PostAsync(PostItemJournal journal, CancellationToken cancellationToken = default) =>
        InJournalTerms(journal, posting => engine.PostAsync(posting, cancellationToken));

    public Task<PostingResult> PreviewAsync(PostItemJournal journal, CancellationToken cancellationToken = default) =>
        InJournalTerms(journal, posting => engine.PreviewAsync(posting, cancellationToken));

    /// <summary>
    /// The engine names its own fields (<c>lines[2].itemNo</c>, counting only the lines it got); the client sent the
    /// journal's (<c>lines[3].itemNumber</c>, a physical inventory line's <c>quantityPhysInventory</c>), so errors say those.
    /// </summary>
    private static async Task<PostingResult> InJournalTerms(PostItemJournal journal, Func<ItemPosting, Task<PostingResult>> post)
    {
        var (posting, requestLine) = ToPostingWithLines(journal);
        try
        {
            return await post(posting);
        }
        catch (ValidationFailedException e)
        {
            throw e.WithFieldsRenamed(field => JournalField(field, requestLine, journal.Template));
        }
    }

    /// <summary>An engine field of a posting made from journal lines, as the journal's field (<paramref name="requestLine"/>: engine line → journal line).</summary>
    internal static string JournalField(string field, IReadOnlyList<int> requestLine, ItemJournalTemplate template)
    {
        if (field == "documentNo")
        {
            return "documentNumber";
        }

        var match = EngineLineField().Match(field);
        if (!match.Success || !int.TryParse(match.Groups["index"].Value, out var index) || index >= requestLine.Count)
        {
            return field;
        }

        var name = match.Groups["field"].Value switch
        {
            "itemNo" => "itemNumber",
            "documentNo" => "documentNumber",
            "quantity" when template == ItemJournalTemplate.PhysicalInventory => "quantityPhysInventory",
            var other => other,
        };
        return $"lines[{requestLine[index]}].{name}";
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^lines\[(?<index>\d+)\]\.(?<field>.+)$")]
    private static partial System.Text.RegularExpressions.Regex EngineLineField();

    /// <summary>
    /// BC's "Calculate Inventory" of a physical inventory journal: one line per Inventory item and location with
    /// stock (or with entries at all, when <paramref name="includeZero"/>), the expected quantity filled in.
    /// </summary>
    public async Task<IReadOnlyList<ItemJournalLine>> CalculatePhysicalInventoryAsync(
        DateOnly postingDate, string? locationCode = null, bool includeZero = false, CancellationToken cancellationToken = default)
    {
        var location = string.IsNullOrWhiteSpace(locationCode) ? null : Codes.Normalize(locationCode);
        var entries = await db.ItemLedgerEntries.AsNoTracking()
            .Where(e => e.PostingDate <= postingDate && (location == null || e.LocationCode == location))
            .Select(e => new { e.ItemNo, e.LocationCode, e.Quantity })
            .ToListAsync(cancellationToken);

        // BC skips in-transit locations: goods there move only by transfer orders, a count difference could never post.
        var inTransit = (await db.Locations.AsNoTracking().Where(l => l.UseAsInTransit).Select(l => l.Code).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        return entries
            .Where(e => !inTransit.Contains(e.LocationCode))
            .GroupBy(e => (e.ItemNo, e.LocationCode))
            .Select(g => (g.Key.ItemNo, g.Key.LocationCode, Quantity: g.Sum(e => e.Quantity)))
            .Where(g => includeZero || g.Quantity != 0)
            .OrderBy(g => g.ItemNo, StringComparer.Ordinal).ThenBy(g => g.LocationCode, StringComparer.Ordinal)
            .Select(g => new ItemJournalLine
            {
                ItemNumber = g.ItemNo,
                LocationCode = g.LocationCode,
                PostingDate = postingDate,
                QuantityCalculated = g.Quantity,
            })
            .ToList();
    }

    internal static ItemPosting ToPosting(PostItemJournal journal) => ToPostingWithLines(journal).Posting;

    /// <summary>The engine's posting, and for each of its lines the index of the journal line it came from.</summary>
    internal static (ItemPosting Posting, List<int> RequestLine) ToPostingWithLines(PostItemJournal journal)
    {
        var v = new Validation();
        var lines = new List<ItemPostingLine>();
        var requestLine = new List<int>();
        for (var i = 0; i < journal.Lines.Count; i++)
        {
            var line = journal.Lines[i];
            var field = $"lines[{i}].";
            switch (journal.Template)
            {
                case ItemJournalTemplate.Revaluation:
                    v.Add("template", "Revaluation journals are posted from a stored batch (itemJournals({id})/Microsoft.NAV.post).");
                    break;
                case ItemJournalTemplate.PhysicalInventory:
                    if (line.QuantityPhysInventory is not { } counted || counted < 0)
                    {
                        v.Add(field + "quantityPhysInventory", "is required and must not be negative.");
                        continue;
                    }

                    // Only the difference is posted: a count that matches the books posts nothing.
                    var difference = counted - line.QuantityCalculated;
                    if (difference != 0)
                    {
                        requestLine.Add(i);
                        lines.Add(Line(line, difference > 0 ? ItemLedgerEntryType.PositiveAdjmt : ItemLedgerEntryType.NegativeAdjmt, Math.Abs(difference)));
                    }

                    break;
                case ItemJournalTemplate.Reclassification:
                    requestLine.Add(i);
                    lines.Add(Line(line, ItemLedgerEntryType.Transfer, line.Quantity));
                    break;
                default:
                    if (line.EntryType == ItemLedgerEntryType.Transfer)
                    {
                        v.Add(field + "entryType", "Transfers are posted from a reclassification journal.");
                    }

                    requestLine.Add(i);
                    lines.Add(Line(line, line.EntryType, line.Quantity));
                    break;
            }
        }

        v.ThrowIfInvalid();
        var posting = new ItemPosting
        {
            SourceCode = journal.Template switch
            {
                ItemJournalTemplate.Reclassification => "RECLASSJNL",
                ItemJournalTemplate.PhysicalInventory => "PHYSINVJNL",
                _ => "ITEMJNL",
            },
            DocumentNo = journal.DocumentNumber,
            IdempotencyKey = journal.IdempotencyKey,
            Lines = lines,
        };
        return (posting, requestLine);

        static ItemPostingLine Line(ItemJournalLine line, ItemLedgerEntryType type, decimal quantity) => new()
        {
            EntryType = type,
            ItemNo = line.ItemNumber,
            LocationCode = line.LocationCode,
            NewLocationCode = line.NewLocationCode,
            PostingDate = line.PostingDate,
            DocumentNo = line.DocumentNumber,
            Description = line.Description,
            Quantity = quantity,
            UnitCost = line.UnitCost,
            AppliesToEntry = line.AppliesToEntry,
        };
    }
}
