using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Saas.Write.Common;
using Saas.Write.Finance.Posting;

namespace Saas.Write.Inventory.Journals;

/// <summary>
/// Posts (or previews) every stored line of a batch through <see cref="ItemPostingEngine"/>. The posting and the
/// deletion of the posted lines commit in one transaction, as BC empties the batch on posting: either the
/// entries exist and the lines are gone, or nothing was written and the lines are still there to correct.
/// Errors name the line (<c>itemJournalLines[10000].quantity</c>) so a page can show them next to the field.
/// </summary>
public sealed partial class PostItemJournalBatch(WriteDbContext db, ItemPostingEngine engine)
{
    public async Task<PostingResult> PreviewAsync(Guid batchId, string? documentNumber, CancellationToken cancellationToken = default)
    {
        var batch = await db.ItemJournalBatches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == batchId, cancellationToken)
            ?? throw new NotFoundException("Item journal", batchId);
        var lines = await LinesAsync(batchId, cancellationToken);
        var (posting, map) = ToPosting(batch, lines, documentNumber, idempotencyKey: null);
        return await Named(map, () => engine.PreviewAsync(posting, cancellationToken), batch.Template);
    }

    public Task<PostingResult> PostAsync(Guid batchId, string? documentNumber, string? idempotencyKey, CancellationToken cancellationToken = default) =>
        PostingTransaction.RunAsync(
            db,
            () => PostInTransactionAsync(batchId, documentNumber, idempotencyKey, cancellationToken),
            commit: result => !result.AlreadyPosted,
            cancellationToken);

    private async Task<PostingResult> PostInTransactionAsync(Guid batchId, string? documentNumber, string? idempotencyKey, CancellationToken cancellationToken)
    {
        // Taking the batch row first makes two posts of one batch take turns: the second finds it empty.
        var locked = await db.ItemJournalBatches.Where(b => b.Id == batchId)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Version, b => b.Version + 1), cancellationToken);
        if (locked == 0)
        {
            throw new NotFoundException("Item journal", batchId);
        }

        var batch = await db.ItemJournalBatches.AsNoTracking().SingleAsync(b => b.Id == batchId, cancellationToken);

        // The request is "post this batch (as this document number)": a retry finds the lines gone, so they cannot be part of it.
        var requestHash = PostingIdempotency.Hash("itemJournalBatch.post", new { batchId, documentNumber = documentNumber ?? "" });
        if (await PostingIdempotency.EarlierAsync(db, idempotencyKey, requestHash, cancellationToken) is { } earlier)
        {
            // A retry of a posting that succeeded: its lines are gone, its result is the register's.
            return await EarlierResultAsync(earlier, cancellationToken);
        }

        var lines = await LinesAsync(batchId, cancellationToken);
        if (lines.Count == 0)
        {
            throw ValidationFailedException.For("itemJournalLines", "There is nothing to post: the journal is empty.");
        }

        var (posting, map) = ToPosting(batch, lines, documentNumber, idempotencyKey);
        var result = await Named(map, () => engine.PostAsync(posting with { RequestHash = requestHash }, cancellationToken), batch.Template);
        if (!result.AlreadyPosted)
        {
            var ids = lines.Select(l => l.Id).ToList();
            await db.ItemJournalBatchLines.Where(l => l.BatchId == batchId && ids.Contains(l.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        return result;
    }

    private Task<List<ItemJournalBatchLine>> LinesAsync(Guid batchId, CancellationToken cancellationToken) =>
        db.ItemJournalBatchLines.AsNoTracking().Where(l => l.BatchId == batchId).OrderBy(l => l.LineNumber).ToListAsync(cancellationToken);

    /// <summary>The engine's posting of the lines, and for each engine field prefix the line number it came from.</summary>
    private static (ItemPosting Posting, Dictionary<string, int> Map) ToPosting(
        ItemJournalBatch batch, List<ItemJournalBatchLine> lines, string? documentNumber, string? idempotencyKey)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        if (batch.Template == ItemJournalTemplate.Revaluation)
        {
            var revaluations = new List<RevaluationLine>();
            foreach (var line in lines)
            {
                if (line.InventoryValueRevalued is not { } revalued)
                {
                    throw ValidationFailedException.For(Field(line.LineNumber, "inventoryValueRevalued"), "Enter the revalued inventory value or unit cost.");
                }

                // An unchanged line revalues nothing (and unit cost rounding must not invent a cent).
                if (line.InventoryValueRevalued == line.InventoryValueCalculated)
                {
                    continue;
                }

                map[$"revaluations[{revaluations.Count}]"] = line.LineNumber;
                revaluations.Add(new RevaluationLine
                {
                    AppliesToEntry = line.AppliesToEntry,
                    ItemNo = line.AppliesToEntry is null ? line.ItemNumber : null,
                    // BC posts Inventory Value (Revalued) − (Calculated): the value, not a rounded unit cost times the quantity.
                    NewInventoryValue = revalued,
                    PostingDate = line.PostingDate,
                    DocumentNo = line.DocumentNumber.Length == 0 ? null : line.DocumentNumber,
                });
            }

            if (revaluations.Count == 0)
            {
                throw ValidationFailedException.For("itemJournalLines", "There is nothing to post: no line has a revalued value that differs from the calculated one.");
            }

            return (new ItemPosting { SourceCode = "REVALJNL", DocumentNo = documentNumber, IdempotencyKey = idempotencyKey, Revaluations = revaluations }, map);
        }

        var journal = new PostItemJournal
        {
            Template = batch.Template,
            DocumentNumber = documentNumber,
            IdempotencyKey = idempotencyKey,
            Lines = lines.Select(l => new ItemJournalLine
            {
                EntryType = l.EntryType,
                ItemNumber = l.ItemNumber,
                LocationCode = l.LocationCode,
                NewLocationCode = l.NewLocationCode,
                PostingDate = l.PostingDate,
                DocumentNumber = l.DocumentNumber.Length == 0 ? null : l.DocumentNumber,
                Description = l.Description,
                Quantity = l.Quantity,
                UnitCost = l.UnitCost,
                AppliesToEntry = l.AppliesToEntry,
                QuantityCalculated = l.QuantityCalculated,
                QuantityPhysInventory = l.QuantityPhysInventory,
            }).ToList(),
        };
        var byIndex = lines.Select((l, i) => (l, i)).ToDictionary(x => $"lines[{x.i}]", x => x.l.LineNumber);
        ItemPosting posting;
        try
        {
            posting = ItemJournal.ToPosting(journal);
        }
        catch (ValidationFailedException e)
        {
            throw Renamed(e, byIndex);
        }

        // A physical inventory line whose count matches the books posts nothing, so engine lines skip it.
        var engineIndex = 0;
        foreach (var line in lines)
        {
            if (batch.Template != ItemJournalTemplate.PhysicalInventory || line.QuantityPhysInventory != line.QuantityCalculated)
            {
                map[$"lines[{engineIndex++}]"] = line.LineNumber;
            }
        }

        return (posting, map);
    }

    private static async Task<PostingResult> Named(Dictionary<string, int> map, Func<Task<PostingResult>> post, ItemJournalTemplate template)
    {
        try
        {
            return await post();
        }
        catch (ValidationFailedException e)
        {
            throw Renamed(e, map, template);
        }
    }

    /// <summary>
    /// <c>lines[2].itemNo</c> of the engine becomes <c>itemJournalLines[30000].itemNumber</c> (a physical inventory line's
    /// quantity is the counted <c>quantityPhysInventory</c>), the posting's <c>documentNo</c> the request's <c>documentNumber</c>.
    /// </summary>
    private static ValidationFailedException Renamed(ValidationFailedException e, Dictionary<string, int> map, ItemJournalTemplate template = ItemJournalTemplate.Item) =>
        e.WithFieldsRenamed(field =>
        {
            var match = EngineField().Match(field);
            return match.Success && map.TryGetValue(match.Groups["line"].Value, out var lineNumber)
                ? Field(lineNumber, match.Groups["field"].Value switch
                {
                    "itemNo" => "itemNumber",
                    "documentNo" => "documentNumber",
                    "appliesToEntry" when field.StartsWith("revaluations", StringComparison.Ordinal) => "itemNumber",
                    "newUnitCost" => "unitCostRevalued",
                    "newInventoryValue" => "inventoryValueRevalued",
                    "quantity" when template == ItemJournalTemplate.PhysicalInventory => "quantityPhysInventory",
                    var other => other,
                })
                : field switch
                {
                    "lines" => "itemJournalLines",
                    "documentNo" => "documentNumber",
                    _ => field,
                };
        });

    private static string Field(int lineNumber, string field) => $"itemJournalLines[{lineNumber}].{field}";

    private async Task<PostingResult> EarlierResultAsync(GLRegister register, CancellationToken cancellationToken) => new(
        register.No,
        register.TransactionNo,
        AlreadyPosted: true,
        await db.ItemLedgerEntries.AsNoTracking().Where(e => e.RegisterNo == register.No).OrderBy(e => e.EntryNo).ToListAsync(cancellationToken),
        await db.ValueEntries.AsNoTracking().Where(v => v.RegisterNo == register.No).OrderBy(v => v.EntryNo).ToListAsync(cancellationToken),
        await db.ItemApplicationEntries.AsNoTracking()
            .Where(a => a.EntryNo >= register.FromApplicationEntryNo && a.EntryNo <= register.ToApplicationEntryNo)
            .OrderBy(a => a.EntryNo).ToListAsync(cancellationToken),
        await db.GLEntries.AsNoTracking().Where(g => g.RegisterNo == register.No).OrderBy(g => g.EntryNo).ToListAsync(cancellationToken),
        ReadPosition: null);

    [GeneratedRegex(@"^(?<line>(lines|revaluations)\[\d+\])\.(?<field>.+)$")]
    private static partial Regex EngineField();
}
